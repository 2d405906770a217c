"""Reference implementations of the building blocks taught on the site."""
