"""Verification codes a person can read off paper and type: `7K3M-Q9XD-2HFA-BWNC`.

- Crockford's base32 alphabet (no I, L, O, U): nothing looks like anything else,
  and when read aloud or typed, O is taken as 0 and I or L as 1.
- 15 random symbols = 75 bits from `secrets`: unguessable at any rate a lookup
  limit allows, and collisions are caught by a unique constraint.
- One check symbol, a weighted sum in the field GF(32) with weights alpha^i. Every
  symbol is 5 bits, so changing one symbol changes the sum by alpha^i * e with
  e != 0, which is never 0 in a field: *every* single mistyped symbol is caught,
  and so is every swap of two neighbouring data symbols, before any
  database lookup. The check symbol is a plain alphabet symbol, unlike the
  `*~$=U` symbols of Crockford's mod-37 check, which are hard to type.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_LENGTH = 15
CODE_LENGTH = DATA_LENGTH + 1
GROUP = 4
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
# Crockford's decoding: what people type for the symbols left out.
_VALUE.update({"O": 0, "I": 1, "L": 1})
_SEPARATORS = str.maketrans("", "", " -_.\t")

# GF(2^5) with the primitive polynomial x^5 + x^2 + 1.
_POLY = 0b100101
_EXP = [0] * 62
_x = 1
for _i in range(31):
    _EXP[_i] = _EXP[_i + 31] = _x
    _x <<= 1
    if _x & 0b100000:
        _x ^= _POLY
_LOG = {value: i for i, value in enumerate(_EXP[:31])}


def _gf_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def check_symbol(data: str) -> str:
    """The check symbol of the data symbols (already normalised)."""
    total = 0
    for position, symbol in enumerate(data):
        # Weights alpha^(position+1): all different and never 0 or 1.
        total ^= _gf_mul(_VALUE[symbol], _EXP[(position + 1) % 31])
    return ALPHABET[total]


def generate() -> str:
    """A new random code, normalised (16 symbols, no separators)."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_LENGTH))
    return data + check_symbol(data)


def normalise(typed: str) -> str | None:
    """What the person typed, as stored (upper case, look-alikes mapped, no
    separators), or None when it cannot be a code (wrong length or symbols)."""
    cleaned = (typed or "").upper().translate(_SEPARATORS)
    if len(cleaned) != CODE_LENGTH or any(symbol not in _VALUE for symbol in cleaned):
        return None
    return "".join(ALPHABET[_VALUE[symbol]] for symbol in cleaned)


def is_well_formed(code: str) -> bool:
    """True when a normalised code's check symbol matches its data symbols."""
    return len(code) == CODE_LENGTH and check_symbol(code[:-1]) == code[-1]


def display(code: str) -> str:
    """The code in groups of four, as printed: `7K3M-Q9XD-2HFA-BWNC`."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
