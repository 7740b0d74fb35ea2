import * as tourUtils from "@website_sale/js/tours/tour_utils";
import {registry} from "@web/core/registry";

// A visitor opens a product from the shop, puts it in the cart and reaches the
// checkout. (Started on /shop?search=...: typing in the search box races with
// its autocomplete dropdown, which holds a link of the same name.)
registry.category("web_tour.tours").add("coop_marketplace_shop_smoke", {
    steps: () => [
        {
            content: "open the product from the shop grid",
            trigger: ".oe_product_cart a:contains('Miel de Flandre')",
            run: "click",
        },
        {
            content: "add it to the cart",
            trigger: "#product_detail #add_to_cart",
            run: "click",
        },
        tourUtils.goToCart(),
        {
            content: "the cart shows the product",
            trigger: "#cart_products:contains('Miel de Flandre')",
        },
        tourUtils.goToCheckout(),
        {
            content: "a visitor is asked for an address to check out",
            trigger: "form.checkout_autoformat input[name='name']",
        },
    ],
});
