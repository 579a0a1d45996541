"""The marker every version the loader writes carries, so staff edits can be told from it."""

# A history version whose change reason starts with this was written by `load_content`, not
# by staff: rows whose only versions are the loader's are the loader's to update.
LOADER_REASON = "load_content:"
