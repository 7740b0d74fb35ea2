# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import delivery_carrier
from . import sale_order
from . import sale_order_line
