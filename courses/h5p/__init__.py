"""H5P on the server: package validation, the vetted library store, content items.

An `.h5p` upload is untrusted code. Only its `h5p.json` and `content/` are ever
taken; library code comes from the store, installed by an administrator.
"""
