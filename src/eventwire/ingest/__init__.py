"""Sources -> raw documents: files, directories, stdin, URLs, feeds, WARC, JSON Lines."""
