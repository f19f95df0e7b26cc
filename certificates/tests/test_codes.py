import math
import random

from certificates import codes


def test_a_code_carries_at_least_50_bits_of_entropy():
    assert codes.DATA_LENGTH * math.log2(len(codes.ALPHABET)) >= 50


def test_the_alphabet_has_no_look_alike_characters():
    assert not set("ILOU") & set(codes.ALPHABET)
    assert len(set(codes.ALPHABET)) == 32


def test_a_new_code_is_well_formed_and_printed_in_groups_of_four():
    code = codes.generate()
    assert codes.is_well_formed(code)
    printed = codes.display(code)
    assert [len(group) for group in printed.split("-")] == [4, 4, 4, 4]
    assert codes.normalise(printed) == code


def test_every_single_mistyped_character_is_caught_by_the_check_character():
    rng = random.Random(5)
    for _ in range(300):
        code = "".join(rng.choice(codes.ALPHABET) for _ in range(codes.DATA_LENGTH))
        code += codes.check_symbol(code)
        for position in range(codes.CODE_LENGTH):
            for symbol in codes.ALPHABET:
                if symbol == code[position]:
                    continue
                typo = code[:position] + symbol + code[position + 1 :]
                assert not codes.is_well_formed(typo), (code, typo)


def test_swapping_two_neighbouring_characters_is_caught():
    for _ in range(300):
        code = codes.generate()
        for position in range(codes.DATA_LENGTH - 1):
            a, b = code[position], code[position + 1]
            if a == b:
                continue
            swapped = code[:position] + b + a + code[position + 2 :]
            assert not codes.is_well_formed(swapped)


def test_typed_look_alikes_lower_case_and_spaces_are_understood():
    code = codes.generate()
    typed = codes.display(code).lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert codes.normalise(typed) == code


def test_a_text_of_the_wrong_length_or_with_foreign_symbols_is_no_code():
    assert codes.normalise("ABC") is None
    assert codes.normalise("ABCD-EFGH-JKMN-PQR!") is None
    assert codes.normalise("") is None


def test_codes_are_not_repeated():
    assert len({codes.generate() for _ in range(5000)}) == 5000
