"""The Arabic text layer: normalised view with offsets, lexicon matching, cleaning, sentences,
numbers and dates. Every result is a span into the ORIGINAL text."""
