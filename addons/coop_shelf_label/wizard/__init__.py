from . import product_print_wizard
