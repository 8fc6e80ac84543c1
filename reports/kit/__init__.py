"""The layout kit the documents share: fonts, shaped right-to-left text, barcodes, pages.

Nothing here knows about appointments or families; documents in ``reports/`` do.
"""
