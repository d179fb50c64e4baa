"""tdkt: the application shell that wires extract → normalize → aggregate."""
__version__ = "0.1.0"
