import {registry} from "@web/core/registry";

// A visitor (on a phone) browses the demo's open cycle, learns that ordering
// is for members, logs in as the demo member from the product page and
// lands back on it, now able to order. The test checks the database.
registry.category("web_tour.tours").add("coop_marketplace_journey_visitor", {
    steps: () => [
        {
            content: "the shop says until when one can order, and when pickup is",
            trigger: ".o_coop_cycle_banner:contains('Retrait')",
        },
        {
            content: "and that ordering is for members, with a way in",
            trigger: ".o_coop_members_only a[href^='/web/login']",
        },
        {
            content: "each product shows its price",
            trigger: ".oe_product_cart:contains('Carottes (1 kg)') .oe_currency_value",
        },
        {
            content: "open the carrots",
            trigger: ".oe_product_cart a:contains('Carottes (1 kg)')",
            run: "click",
        },
        {
            content: "the product page presents the farm",
            trigger: ".o_coop_product_producer_block:contains('Ferme des Marais')",
        },
        {
            content: "no basket button for a visitor: the members' notice instead",
            trigger: "#product_detail:not(:has(#add_to_cart))",
        },
        {
            content: "log in from the notice",
            trigger: ".o_coop_members_only a[href^='/web/login']",
            run: "click",
        },
        {
            content: "login",
            trigger: "form.oe_login_form input[name='login']",
            run: "edit membre",
        },
        {
            content: "password",
            trigger: "form.oe_login_form input[name='password']",
            run: "edit membre",
        },
        {
            content: "log in",
            trigger: "form.oe_login_form button[type='submit']",
            run: "click",
        },
        {
            content: "back on the carrots, now with the basket button",
            trigger: "#product_detail:contains('Carottes (1 kg)') #add_to_cart",
            run: "click",
        },
        {
            content: "the basket counter follows",
            trigger: "sup.my_cart_quantity:contains(/^1$/)",
        },
    ],
});
