"""What the office prints: the records for reports/ and the PDFs they make."""
