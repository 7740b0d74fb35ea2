import * as tourUtils from "@website_sale/js/tours/tour_utils";
import {choosePickupPoint} from "@coop_marketplace/../tests/tours/checkout_steps.esm";
import {registry} from "@web/core/registry";

// A member orders from two producers in the open cycle, picks a pickup point
// in Odoo's location selector and a slot, pays with the demo provider, and
// finds the slot on the order's portal page. The test checks the database.
function addProduct(name) {
    return [
        {
            content: `open ${name} from the shop`,
            trigger: `.oe_product_cart a:contains('${name}')`,
            run: "click",
        },
        {
            content: `add ${name} to the cart`,
            trigger: "#product_detail #add_to_cart",
            run: "click",
        },
        {
            content: "the cart counter follows",
            trigger: `sup.my_cart_quantity:not(:contains(/^0$/))`,
        },
    ];
}

registry.category("web_tour.tours").add("coop_marketplace_member_order", {
    steps: () => [
        ...addProduct("Carottes tour"),
        {
            content: "back to the shop",
            trigger: "a[href='/shop']",
            run: "click",
        },
        ...addProduct("Bière tour"),
        tourUtils.goToCart({quantity: 2}),
        tourUtils.goToCheckout(),
        ...choosePickupPoint("Point tour Hellemmes"),
        tourUtils.confirmOrder(),
        {
            content: "a full slot can't be chosen",
            trigger: ".o_coop_slot_form input[name='slot_id']:disabled",
        },
        {
            content: "choose the slot with places left",
            trigger: ".o_coop_slot_form input[name='slot_id']:not(:disabled)",
            run: "click",
        },
        {
            content: "confirm the slot",
            trigger: "button[name='o_coop_slot_submit']",
            run: "click",
        },
        ...tourUtils.payWithDemo().slice(0, 3),
        {
            content: "the order is confirmed",
            trigger: ".oe_website_sale_tx_status",
        },
        {
            content: "open the member's orders",
            trigger: "body",
            run: "goToUrl /my/orders",
        },
        {
            content: "open the order",
            trigger: ".o_portal_my_doc_table a:contains('S')",
            run: "click",
        },
        {
            content: "the portal shows the pickup slot",
            trigger: "#coop_pickup_info .o_coop_portal_slot:contains('Point tour Hellemmes')",
        },
        {
            // End once the page's lazy chatter is loaded, not while its
            // assets are still coming (the browser would be closed on them).
            content: "the order's chatter is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});
