import * as tourUtils from "@website_sale/js/tours/tour_utils";
import {registry} from "@web/core/registry";

// A visitor finds a product, puts it in the cart and reaches the checkout.
registry.category("web_tour.tours").add("coop_marketplace_shop_smoke", {
    url: "/shop",
    steps: () => [
        ...tourUtils.addToCart({productName: "Miel de Flandre"}),
        tourUtils.goToCart(),
        {
            content: "the cart shows the product at its server price",
            trigger: "#cart_products:contains('Miel de Flandre')",
        },
        tourUtils.goToCheckout(),
        {
            content: "a visitor is asked for an address to check out",
            trigger: "form.checkout_autoformat input[name='name']",
        },
    ],
});
