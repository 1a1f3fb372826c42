package org.reclaim.demo;

import java.util.List;
import org.reclaim.authorities.AuthorityKind;
import org.reclaim.authorities.PreceptorKind;

/**
 * A council of the demo: real names, codes and precepting bodies; the share of the demo's dwellings it gets, and
 * what it collects. Oadby and Wigston is a shire district billing for its county, police and fire authorities;
 * Wigan a metropolitan borough with council housing, billing for the Greater Manchester mayoral precepts.
 */
record DemoCouncil(String gssCode, String name, AuthorityKind kind, int referencePrefix, int dwellingSharePercent,
                   boolean councilHousing, List<Body> bodies, List<String> towns, List<String> postcodeDistricts,
                   long uprnBase, int[] bandPercent) {

    record Body(String name, PreceptorKind kind) {
    }

    static final DemoCouncil OADBY_AND_WIGSTON = new DemoCouncil("E07000135", "Oadby and Wigston Borough Council",
            AuthorityKind.SHIRE_DISTRICT, 35, 15, false,
            List.of(new Body("Leicestershire County Council", PreceptorKind.COUNTY_COUNCIL),
                    new Body("Leicestershire Police and Crime Commissioner", PreceptorKind.POLICE),
                    new Body("Leicester, Leicestershire and Rutland Combined Fire Authority", PreceptorKind.FIRE),
                    new Body("Oadby and Wigston Borough Council", PreceptorKind.BILLING_AUTHORITY)),
            List.of("Oadby", "Wigston", "South Wigston"), List.of("LE2", "LE18"),
            990_000_000_000L, new int[] {14, 24, 26, 18, 10, 5, 2, 1});

    static final DemoCouncil WIGAN = new DemoCouncil("E08000010", "Wigan Council",
            AuthorityKind.METROPOLITAN_DISTRICT, 42, 85, true,
            List.of(new Body("Wigan Council", PreceptorKind.BILLING_AUTHORITY),
                    new Body("Greater Manchester Mayoral Police and Crime Commissioner Precept", PreceptorKind.MAYORAL),
                    new Body("Greater Manchester Mayoral General Precept (including Fire Services)", PreceptorKind.MAYORAL),
                    new Body("Haigh Parish Council", PreceptorKind.PARISH),
                    new Body("Shevington Parish Council", PreceptorKind.PARISH)),
            List.of("Wigan", "Leigh", "Hindley", "Standish", "Orrell", "Ashton-in-Makerfield", "Atherton", "Tyldesley", "Golborne", "Ince"),
            List.of("WN1", "WN2", "WN3", "WN5", "WN6", "WN7", "M29", "M46"),
            991_000_000_000L, new int[] {44, 21, 17, 9, 5, 2, 1, 1});

    static final List<DemoCouncil> ALL = List.of(OADBY_AND_WIGSTON, WIGAN);
}
