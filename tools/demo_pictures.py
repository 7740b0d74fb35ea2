#!/usr/bin/env python3
"""The demo products' pictures, one per product (issue #32: every vegetable
showed the same carrot).

Drawn from Noto Color Emoji (Debian's fonts-noto-color-emoji, SIL Open Font
License 1.1: pictures made with it are free to ship) on a soft background of
the product's family: a main picture, and a smaller second one where it
tells the product apart (a honey's flower, a cider's fruit). Writes
addons/<addon>/static/img/demo/products/<demo id>.png; the demo data loads
them. Run again after changing PICTURES, then remove the font (Chromium
takes its digits for the web client's text: "2 7 , 0 0" in every list, in
the screenshots and the tours):

    apt-get install fonts-noto-color-emoji
    .venv/bin/python tools/demo_pictures.py
    apt-get remove fonts-noto-color-emoji
"""

import hashlib
import pathlib
import sys

from PIL import Image, ImageDraw, ImageFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
FONT = pathlib.Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
SIZE = 256

# Soft backgrounds by family.
FAMILIES = {
    "veg": (222, 240, 214),
    "fruit": (253, 236, 214),
    "dairy": (255, 248, 220),
    "drink": (250, 240, 200),
    "bakery": (243, 228, 208),
    "meat": (250, 226, 222),
    "grocery": (238, 232, 246),
}

# demo id: (addon, family, main picture, second picture or "")
PICTURES = {
    "product_basket_marais_demo": ("coop_marketplace", "veg", "🧺", "🥕"),
    "product_basket_debuyser_demo": ("coop_marketplace", "fruit", "🧺", "🍎"),
    "product_pain_campagne_demo": ("coop_members", "bakery", "🍞", "🪵"),
    "product_lentilles_vrac_demo": ("coop_members", "grocery", "🫘", ""),
    "product_oeufs_demo": ("coop_members", "meat", "🥚", "🐔"),
    "product_pommes_demo": ("coop_members", "fruit", "🍎", "🍂"),
    "product_maroilles_demo": ("coop_members", "dairy", "🧀", "🧡"),
    "product_biere_demo": ("coop_members", "drink", "🍺", "🏙"),
    "product_marais_1_demo": ("coop_producers", "veg", "🥕", ""),
    "product_marais_2_demo": ("coop_producers", "veg", "🧅", "🌿"),
    "product_marais_3_demo": ("coop_producers", "veg", "🥔", ""),
    "product_marais_4_demo": ("coop_producers", "veg", "🧅", ""),
    "product_marais_5_demo": ("coop_producers", "veg", "🍠", ""),
    "product_marais_6_demo": ("coop_producers", "veg", "🥦", ""),
    "product_marais_7_demo": ("coop_producers", "veg", "🍠", "🔥"),
    "product_sambre_1_demo": ("coop_producers", "dairy", "🧀", ""),
    "product_sambre_2_demo": ("coop_producers", "dairy", "🧀", "🤏"),
    "product_sambre_3_demo": ("coop_producers", "dairy", "🧀", "🔪"),
    "product_sambre_4_demo": ("coop_producers", "dairy", "🧀", "🌶"),
    "product_sambre_5_demo": ("coop_producers", "dairy", "🧀", "🏰"),
    "product_sambre_6_demo": ("coop_producers", "dairy", "🧀", "🐄"),
    "product_lilloise_1_demo": ("coop_producers", "drink", "🍺", ""),
    "product_lilloise_2_demo": ("coop_producers", "drink", "🍺", "🍂"),
    "product_lilloise_3_demo": ("coop_producers", "drink", "🍾", ""),
    "product_lilloise_4_demo": ("coop_producers", "drink", "🍻", ""),
    "product_lilloise_5_demo": ("coop_producers", "drink", "🍺", "🎄"),
    "product_lilloise_6_demo": ("coop_producers", "drink", "🍺", "🌾"),
    "product_antan_1_demo": ("coop_producers", "bakery", "🍞", ""),
    "product_antan_2_demo": ("coop_producers", "bakery", "🍞", "🌾"),
    "product_antan_3_demo": ("coop_producers", "bakery", "🍞", "🍯"),
    "product_antan_4_demo": ("coop_producers", "bakery", "🥐", ""),
    "product_antan_5_demo": ("coop_producers", "bakery", "🥧", ""),
    "product_antan_6_demo": ("coop_producers", "bakery", "🥖", ""),
    "product_antan_7_demo": ("coop_producers", "bakery", "🍞", "🍇"),
    "product_debuyser_1_demo": ("coop_producers", "fruit", "🍎", ""),
    "product_debuyser_2_demo": ("coop_producers", "fruit", "🍏", ""),
    "product_debuyser_3_demo": ("coop_producers", "fruit", "🍐", ""),
    "product_debuyser_4_demo": ("coop_producers", "fruit", "🧃", "🍎"),
    "product_debuyser_5_demo": ("coop_producers", "fruit", "🧃", "🍐"),
    "product_debuyser_6_demo": ("coop_producers", "fruit", "🥣", "🍎"),
    "product_debuyser_7_demo": ("coop_producers", "fruit", "🫙", "🍎"),
    "product_vanackere_1_demo": ("coop_producers", "meat", "🐔", ""),
    "product_vanackere_2_demo": ("coop_producers", "meat", "🍗", ""),
    "product_vanackere_3_demo": ("coop_producers", "meat", "🥘", ""),
    "product_vanackere_4_demo": ("coop_producers", "meat", "🌭", ""),
    "product_vanackere_5_demo": ("coop_producers", "meat", "🫙", "🐖"),
    "product_vanackere_6_demo": ("coop_producers", "meat", "🥚", ""),
    "product_vanackere_7_demo": ("coop_producers", "meat", "🥚", "🥚"),
    "product_weppes_1_demo": ("coop_producers", "grocery", "🍯", "🌸"),
    "product_weppes_2_demo": ("coop_producers", "grocery", "🍯", "🌳"),
    "product_weppes_3_demo": ("coop_producers", "grocery", "🍯", "🌲"),
    "product_weppes_4_demo": ("coop_producers", "grocery", "🕯", ""),
    "product_weppes_5_demo": ("coop_producers", "grocery", "🍞", "🐝"),
    "product_weppes_6_demo": ("coop_producers", "grocery", "🐝", "💧"),
    "product_lemaire_1_demo": ("coop_producers", "veg", "🥬", "🪴"),
    "product_lemaire_2_demo": ("coop_producers", "veg", "🥬", "🔴"),
    "product_lemaire_3_demo": ("coop_producers", "veg", "🥬", ""),
    "product_lemaire_4_demo": ("coop_producers", "veg", "🥧", "🥬"),
    "product_lemaire_5_demo": ("coop_producers", "veg", "🥗", ""),
    "product_cappelle_1_demo": ("coop_producers", "dairy", "🥛", ""),
    "product_cappelle_2_demo": ("coop_producers", "dairy", "🥛", "🥄"),
    "product_cappelle_3_demo": ("coop_producers", "dairy", "🍨", ""),
    "product_cappelle_4_demo": ("coop_producers", "dairy", "🫙", "🥛"),
    "product_cappelle_5_demo": ("coop_producers", "dairy", "🧈", ""),
    "product_cappelle_6_demo": ("coop_producers", "dairy", "🥣", "🥛"),
    "product_cappelle_7_demo": ("coop_producers", "dairy", "🍚", ""),
    "product_lys_1_demo": ("coop_producers", "grocery", "🌾", ""),
    "product_lys_2_demo": ("coop_producers", "grocery", "🌾", "🌾"),
    "product_lys_3_demo": ("coop_producers", "grocery", "🌾", "🖤"),
    "product_lys_4_demo": ("coop_producers", "grocery", "🌾", "🍞"),
    "product_lys_5_demo": ("coop_producers", "grocery", "🥣", "🌾"),
    "product_lys_6_demo": ("coop_producers", "grocery", "🍝", ""),
    "product_wazemmes_1_demo": ("coop_producers", "veg", "🥬", "🌱"),
    "product_wazemmes_2_demo": ("coop_producers", "veg", "🌱", "🔴"),
    "product_wazemmes_3_demo": ("coop_producers", "veg", "🌿", ""),
    "product_wazemmes_4_demo": ("coop_producers", "veg", "🍅", ""),
    "product_wazemmes_5_demo": ("coop_producers", "veg", "🥒", ""),
    "product_wazemmes_6_demo": ("coop_producers", "veg", "🍃", ""),
    "product_avesnois_1_demo": ("coop_producers", "drink", "🍾", "🍏"),
    "product_avesnois_2_demo": ("coop_producers", "drink", "🍾", "🍎"),
    "product_avesnois_3_demo": ("coop_producers", "drink", "🍾", "🍐"),
    "product_avesnois_4_demo": ("coop_producers", "fruit", "🧃", "🍏"),
    "product_avesnois_5_demo": ("coop_producers", "fruit", "🫙", "🍏"),
    "product_avesnois_6_demo": ("coop_producers", "fruit", "🫙", "🧴"),
}


def emoji(font, char, size):
    """``char`` drawn by the colour font (its bitmaps are 109 px), scaled."""
    canvas = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text(
        (80, 80), char, font=font, embedded_color=True, anchor="mm"
    )
    box = canvas.getbbox()
    if not box:
        sys.exit(f"the emoji font has no {char!r}")
    glyph = canvas.crop(box)
    scale = size / max(glyph.size)
    return glyph.resize(
        (round(glyph.width * scale), round(glyph.height * scale)), Image.LANCZOS
    )


def background(family, name):
    """The family's colour, a little lighter or darker per product: two
    products of a family never look the same."""
    shade = int(hashlib.sha1(name.encode()).hexdigest(), 16) % 21 - 10
    return tuple(max(0, min(255, c + shade)) for c in FAMILIES[family])


def picture(font, family, main, second, name):
    image = Image.new("RGBA", (SIZE, SIZE), background(family, name) + (255,))
    big = emoji(font, main, 150 if second else 176)
    if second:
        image.alpha_composite(
            big, ((SIZE - big.width) // 2 - 18, (SIZE - big.height) // 2 - 18)
        )
        small = emoji(font, second, 86)
        image.alpha_composite(
            small, (SIZE - small.width - 22, SIZE - small.height - 22)
        )
    else:
        image.alpha_composite(big, ((SIZE - big.width) // 2, (SIZE - big.height) // 2))
    return image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)


def main():
    font = ImageFont.truetype(str(FONT), 109)
    for name, (addon, family, main_char, second) in PICTURES.items():
        folder = ROOT / "addons" / addon / "static" / "img" / "demo" / "products"
        folder.mkdir(parents=True, exist_ok=True)
        picture(font, family, main_char, second, name).save(
            folder / f"{name}.png", optimize=True
        )
    print(f"{len(PICTURES)} pictures written")


if __name__ == "__main__":
    main()
