// Steps of the coop's checkout shared by the member tours.

/**
 * From the shop's list: open ``name``, put one in the basket.
 */
export function addToBasket(name) {
    return [
        {
            content: `open ${name}`,
            trigger: `.oe_product_cart a:contains('${name}')`,
            run: "click",
        },
        {
            content: "add it to the basket",
            trigger: "#product_detail #add_to_cart",
            run: "click",
        },
        {
            content: "the basket counter follows",
            trigger: "sup.my_cart_quantity:not(:contains(/^0$/))",
        },
    ];
}

/**
 * Collect at a coop pickup point, chosen by name in Odoo's selector;
 * ``selectorText``: a text the open selector must show (its language).
 */
export function choosePickupPoint(pointName, {selectorText} = {}) {
    const check = selectorText
        ? [{content: "the selector's text", trigger: `.modal:contains("${selectorText}")`}]
        : [];
    return [
        {
            content: "choose collection at a coop pickup point",
            trigger: "input[name='o_delivery_radio'][data-delivery-type='coop_pickup']",
            run: "click",
        },
        {
            content: "open the pickup point selector",
            trigger: "[name='o_pickup_location_selector']:visible",
            run: "click",
        },
        ...check,
        {
            content: `pick ${pointName}`,
            trigger: `.modal .list-group-item:contains('${pointName}')`,
            run: "click",
        },
        {
            content: "confirm the pickup point",
            trigger: ".modal button[id^='submit_location_']:visible:enabled",
            run: "click",
        },
        {
            content: "the chosen point is shown",
            trigger: `[name='o_pickup_location_name']:contains('${pointName}')`,
        },
    ];
}

/**
 * The slot step: the first slot with places left.
 */
export function bookSlot() {
    return [
        {
            content: "choose a slot with places left",
            trigger: ".o_coop_slot_form input[name='slot_id']:not(:disabled)",
            run: "click",
        },
        {
            content: "confirm the slot",
            trigger: "button[name='o_coop_slot_submit']",
            run: "click",
        },
    ];
}

/**
 * The slot step, then "pay at pickup": the order is confirmed.
 */
export function bookSlotAndPayAtPickup() {
    return [
        ...bookSlot(),
        {
            content: "choose to pay at pickup",
            trigger: "input[name='o_payment_radio'][data-payment-method-code='coop_at_pickup']",
            run: "click",
        },
        {
            content: "the button says what happens, and confirms",
            trigger:
                "button[name='o_payment_submit_button']:contains('je paie au retrait'):not(:disabled)",
            run: "click",
        },
        {
            content: "the order is confirmed, with no transfer reference to quote",
            trigger: ".oe_website_sale_tx_status:not(:contains('Communication'))",
        },
        {
            content: "the page says where, when, and what to bring: the money due",
            trigger:
                "#coop_confirmation_pickup:contains('Où'):contains('Quand'):contains('À apporter'):contains('à régler sur place')",
        },
    ];
}

/**
 * From anywhere in her account: "Mes commandes", then her newest order.
 */
export function openNewestOrder() {
    return [
        {
            content: "open my orders",
            trigger: "body",
            run: "goToUrl /my/orders",
        },
        {
            content: "open the newest order",
            trigger: ".o_portal_my_doc_table tbody tr:first-child a",
            run: "click",
        },
    ];
}
