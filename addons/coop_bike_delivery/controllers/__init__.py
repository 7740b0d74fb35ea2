from . import courier
from . import main
