from . import product_print_category
from . import product_product
from . import product_template
