from . import allergen_allergen
from . import product_product
from . import product_template
