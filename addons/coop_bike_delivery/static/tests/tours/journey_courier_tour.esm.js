import {registry} from "@web/core/registry";

// The demo courier (login "coursier", on a phone) rides the open cycle's
// round of three stops: leaves the hub, delivers the first, finds nobody at
// the second (and says why), delivers the third. The test checks the
// database.
function stop(index) {
    return `.o_coop_stop:nth-child(${index})`;
}

registry.category("web_tour.tours").add("coop_bike_delivery_journey_courier", {
    steps: () => [
        {
            content: "my account lists my rounds",
            trigger: "a[href='/my/rounds']",
            run: "click",
        },
        {
            content: "open the round of the cycle",
            trigger: ".o_coop_round_link:contains('Livraison à domicile')",
            run: "click",
        },
        {
            content: "the stops are in order, with a map link and a phone",
            trigger: `${stop(1)}:contains('Nicolas Delannoy') a.o_coop_stop_map[href^='geo:']`,
        },
        {
            content: "the access notes are on the stop",
            trigger: `${stop(2)}:contains('Code porte 4512B')`,
        },
        {
            content: "leave the hub",
            trigger: "button[name='o_coop_depart']:contains('Je pars du dépôt')",
            run: "click",
        },
        {
            content: "the members are told",
            trigger: ".o_coop_round_message:contains('Bonne route')",
        },
        {
            content: "first stop: delivered",
            trigger: `${stop(1)} button[name='o_coop_delivered']:contains('Livré')`,
            run: "click",
        },
        {
            content: "the first stop is done",
            trigger: `${stop(1)}.o_coop_stop_delivered`,
        },
        {
            content: "second stop: nobody home, say why",
            trigger: `${stop(2)} input[name='reason']`,
            run: "edit Personne à l'interphone",
        },
        {
            content: "second stop: absent",
            trigger: `${stop(2)} button[name='o_coop_missed']:contains('Absent')`,
            run: "click",
        },
        {
            content: "the second stop goes back to the hub",
            trigger: `${stop(2)}.o_coop_stop_missed`,
        },
        {
            content: "third stop: delivered",
            trigger: `${stop(3)} button[name='o_coop_delivered']`,
            run: "click",
        },
        {
            content: "the round is finished",
            trigger: `${stop(3)}.o_coop_stop_delivered`,
        },
    ],
});
