"""Date formats per language (FORMAT_MODULE_PATH): one format across the site and the admin."""
