from . import shelf_label_report
