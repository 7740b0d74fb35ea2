from . import test_shelf_label
