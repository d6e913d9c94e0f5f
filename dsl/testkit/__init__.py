"""Test kit for plugin authors (filled in with the plugin system)."""
