"""Coding puzzles for children: a maze world, levels as content, and a small
interpreter that replays Blockly programs on the server. The browser only
animates the trace the server returns; nothing it claims counts."""
