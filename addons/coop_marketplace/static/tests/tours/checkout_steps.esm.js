// Steps of the coop's checkout shared by the member tours.

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
