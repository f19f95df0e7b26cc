"""The hooks through which apps above lms answer its questions (lms may not
import them): one module per question, each with a register function."""
