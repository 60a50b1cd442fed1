package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.registry.SchemaRegistryServer;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.identity.DevelopmentIdentityProvider;
import dk.rm.patientsafety.security.ProblemAuthorizationResponses;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.statistics.StatisticsConfig;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import okhttp3.HttpUrl;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what, on the running services with tokens from the real in-JVM OIDC server: every route of every service
 * refuses a request without a valid token, each API admits exactly its roles, and a risk manager sees and acts on
 * their own units only.
 */
class AccessControlIT extends PlatformIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUH_DEPARTMENT = "1309011000000";
    private static final String GOEDSTRUP_DEPARTMENT = "1309021000000";
    private static final String AUH_HOSPITAL = "1309010000000";
    private static final String REGION = "1309000000000";

    /** The platform's own probes, open without a token; they carry states and counters, never data. */
    private static boolean isProbe(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/prometheus");
    }

    /** A route of a service, with its path variables filled in. */
    record Route(String service, HttpMethod method, String path) {
        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    /** Every HTTP route every service has, read from its router: a new endpoint is walked without anyone listing it. */
    static List<Route> everyRoute() {
        List<Route> routes = new ArrayList<>();
        for (ServiceContext service : services.services()) {
            service.context().getBean(Router.class).uriRoutes()
                    .map(route -> new Route(service.name(), route.getHttpMethod(), concrete(route)))
                    .distinct()
                    .forEach(routes::add);
        }
        return routes;
    }

    private static String concrete(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toString()
                .replaceAll("\\{[?&][^}]*}", "")   // query parameters
                .replaceAll("\\{/[^}]*}", "")      // optional path segments
                .replaceAll("\\{[^}]*}", "x");     // path variables
    }

    @Test
    void everyRouteOfEveryServiceAnswersOnlyWithAValidTokenExceptTheProbes() throws Exception {
        List<Route> routes = everyRoute();
        Set<String> walked = routes.stream().map(Route::toString).collect(Collectors.toCollection(TreeSet::new));
        // The walk must see the APIs, or it proves nothing.
        for (String expected : List.of("intake POST /api/v1/incidents", "intake POST /api/v1/incidents/batch",
                "intake GET /api/v1/intake/counts", "classifier POST /api/v1/incidents/x/classification",
                "alerting GET /api/v1/alerts", "statistics GET /api/v1/series", "statistics GET /api/v1/series/x",
                "learning GET /api/v1/subscriptions", "learning DELETE /api/v1/subscriptions/x")) {
            assertTrue(walked.contains(expected), expected + " among the walked routes " + walked);
        }
        List<String> open = new ArrayList<>();
        for (Route route : routes) {
            HttpResponse<String> anonymous = send(route, Optional.empty());
            if (isProbe(route.path())) {
                assertFalse(anonymous.statusCode() == 401 || anonymous.statusCode() == 403, route + ": a probe answers without a token");
                continue;
            }
            if (anonymous.statusCode() != 401) {
                open.add(route + " answered " + anonymous.statusCode() + " without a token");
                continue;
            }
            if (route.method() != HttpMethod.HEAD) { // a HEAD answer has no body; the GET beside it shows the problem
                assertUnauthenticated(route.toString(), anonymous);
            }
            // A signed-in partner has a role on its subscriptions only; the API description is for every signed-in caller.
            HttpResponse<String> partner = send(route, Optional.of(TestIdentityProvider.token("partner-aarhus")));
            if (route.service().equals("learning") && route.path().startsWith("/api/v1/subscriptions")) {
                if (partner.statusCode() == 401 || partner.statusCode() == 403) {
                    open.add(route + " refused a partner its own subscriptions: " + partner.statusCode());
                }
                continue;
            }
            int expected = route.path().equals("/api/v1/openapi.yml") ? 200 : 403;
            if (partner.statusCode() != expected) {
                open.add(route + " answered a partner " + partner.statusCode() + ", expected " + expected);
            }
        }
        assertEquals(List.of(), open);
    }

    /**
     * The schema registry's routes, walked from its router: none answers without a token but its root; every signed-in
     * caller reads (a partner, who may see nothing else, included); only registry administrators and the platform's
     * services write.
     */
    @Test
    void everyRouteOfTheSchemaRegistryWantsATokenAndOnlyAdministratorsAndServicesWrite() throws Exception {
        SchemaRegistryServer registry = TestSchemaRegistry.server();
        List<UriRouteInfo<?, ?>> routes = registry.context().getBean(Router.class).uriRoutes().distinct().toList();
        assertTrue(routes.size() >= 15, "the walk must see the registry's API: " + routes);
        List<String> wrong = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes) {
            String path = concrete(route);
            String name = route.getHttpMethod() + " " + path;
            boolean write = route.getHttpMethod() == HttpMethod.PUT || route.getHttpMethod() == HttpMethod.DELETE
                    || (route.getHttpMethod() == HttpMethod.POST && path.matches("/subjects/[^/]+/versions"));
            int anonymous = registryCall(registry, route.getHttpMethod(), path, null).statusCode();
            if (path.equals("/") || path.isEmpty() || isProbe(path)) {
                if (anonymous == 401 || anonymous == 403) {
                    wrong.add(name + " (a probe) answered " + anonymous);
                }
                continue;
            }
            if (anonymous != 401) {
                wrong.add(name + " answered " + anonymous + " without a token");
            }
            int partner = registryCall(registry, route.getHttpMethod(), path, TestIdentityProvider.token("partner-aarhus")).statusCode();
            if (write ? partner != 403 : partner == 401 || partner == 403) {
                wrong.add(name + " answered a partner " + partner + (write ? ", expected 403" : ", expected a reader's answer"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static HttpResponse<String> registryCall(SchemaRegistryServer registry, HttpMethod method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.DELETE) {
            request.method(method.name(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method.name(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The routes that carry data, a caller each role admits, and a body a caller may send. */
    static Stream<Route> apiRoutes() {
        return Stream.of(
                new Route("intake", HttpMethod.POST, "/api/v1/incidents"),
                new Route("intake", HttpMethod.POST, "/api/v1/incidents/batch"),
                new Route("intake", HttpMethod.GET, "/api/v1/intake/counts"),
                new Route("classifier", HttpMethod.POST, "/api/v1/incidents/no-such-report/classification"),
                new Route("alerting", HttpMethod.GET, "/api/v1/alerts"),
                new Route("alerting", HttpMethod.GET, "/api/v1/alerts/no-such-alert"),
                new Route("alerting", HttpMethod.POST, "/api/v1/alerts/no-such-alert/acknowledge"),
                new Route("statistics", HttpMethod.GET, "/api/v1/series"),
                new Route("statistics", HttpMethod.GET, "/api/v1/series/incidents:MONTH:" + AUH_DEPARTMENT + ":FALL"),
                new Route("learning", HttpMethod.GET, "/api/v1/subscriptions"),
                new Route("learning", HttpMethod.POST, "/api/v1/subscriptions"));
    }

    /** Which accounts each API admits; every other demo account gets 403. */
    private static final Map<String, Set<String>> ADMITTED = Map.ofEntries(
            Map.entry("/api/v1/incidents", Set.of("reporter", "bulk-import", "regional-team")),
            Map.entry("/api/v1/incidents/batch", Set.of("reporter", "bulk-import", "regional-team")),
            Map.entry("/api/v1/intake/counts", Set.of("regional-team", "downstream")),
            Map.entry("/api/v1/incidents/no-such-report/classification", Set.of("rm-auh", "rm-goedstrup", "regional-team")),
            Map.entry("/api/v1/alerts", Set.of("rm-auh", "rm-goedstrup", "regional-team")),
            Map.entry("/api/v1/alerts/no-such-alert", Set.of("rm-auh", "rm-goedstrup", "regional-team")),
            Map.entry("/api/v1/alerts/no-such-alert/acknowledge", Set.of("rm-auh", "rm-goedstrup", "regional-team")),
            Map.entry("/api/v1/series", Set.of("rm-auh", "rm-goedstrup", "regional-team", "downstream")),
            Map.entry("/api/v1/series/incidents:MONTH:" + AUH_DEPARTMENT + ":FALL", Set.of("rm-auh", "rm-goedstrup", "regional-team", "downstream")),
            Map.entry("/api/v1/subscriptions", Set.of("rm-auh", "rm-goedstrup", "regional-team", "partner-aarhus")));

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void eachApiAdmitsExactlyItsRoles(Route route) throws Exception {
        Set<String> admitted = ADMITTED.get(route.path());
        List<String> wrong = new ArrayList<>();
        for (var account : TestIdentityProvider.shared().accounts()) {
            HttpResponse<String> response = send(route, Optional.of(TestIdentityProvider.token(account.name())));
            boolean refused = response.statusCode() == 403;
            if (refused == admitted.contains(account.name()) || response.statusCode() == 401) {
                wrong.add(account.name() + " (" + account.roles() + "): " + response.statusCode());
            }
            if (refused) {
                assertEquals(ProblemAuthorizationResponses.FORBIDDEN, JSON.readTree(response.body()).path("type").asText());
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            }
        }
        assertEquals(List.of(), wrong, route + " admits " + admitted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void noBadTokenIsAccepted(Route route) throws Exception {
        DevelopmentIdentityProvider idp = TestIdentityProvider.shared();
        String issuer = idp.issuer();
        Map<String, Object> regional = claims("regional-team", List.of(DevelopmentIdentityProvider.AUDIENCE));
        String valid = TestIdentityProvider.token("regional-team");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", idp.server().anyToken(HttpUrl.get(issuer), regional, Duration.ofMinutes(-5)).serialize());
        // Same signing key, another issuer name: only the issuer check can refuse it.
        bad.put("wrong issuer", idp.server().anyToken(HttpUrl.get(issuer.replace("localhost", "127.0.0.1")), regional, Duration.ofMinutes(5)).serialize());
        bad.put("wrong audience", idp.server().anyToken(HttpUrl.get(issuer), claims("regional-team", List.of("another-application")),
                Duration.ofMinutes(5)).serialize());
        bad.put("no audience", idp.server().anyToken(HttpUrl.get(issuer), claims("regional-team", null), Duration.ofMinutes(5)).serialize());
        bad.put("tampered claims", tampered(TestIdentityProvider.token("reporter")));
        bad.put("unsigned (alg none)", new PlainJWT(claimsSet(issuer, regional)).serialize());
        bad.put("signed by another key under the issuer's key id", foreignSigned(valid, claimsSet(issuer, regional)));
        bad.put("garbage", "not.a.token");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            HttpResponse<String> response = send(route, Optional.of(token.getValue()));
            assertUnauthenticated(route + " with a token " + token.getKey(), response);
        }
        HttpResponse<String> basic = send(route, Optional.empty(), "Basic " + Base64.getEncoder().encodeToString("regional-team:x".getBytes()));
        assertUnauthenticated(route + " with basic authentication", basic);
        HttpResponse<String> accepted = send(route, Optional.of(valid));
        assertFalse(accepted.statusCode() == 401 || accepted.statusCode() == 403, route + " with a valid token: " + accepted.statusCode());
    }

    @Test
    void aRiskManagerSeesAndActsOnTheirOwnHospitalsAlertsOnly() throws Exception {
        String auh = submit(seriousReport("SCOPE-AUH", AUH_DEPARTMENT));
        String goedstrup = submit(seriousReport("SCOPE-GOEDSTRUP", GOEDSTRUP_DEPARTMENT));
        awaitAlerts("regional-team", alerts -> reportIds(alerts).containsAll(Set.of(auh, goedstrup)));

        Set<String> auhSees = reportIds(alerts("rm-auh", ""));
        assertTrue(auhSees.contains(auh), "rm-auh sees its hospital's alert");
        assertFalse(auhSees.contains(goedstrup), "rm-auh does not see Gødstrup's alert");
        Set<String> goedstrupSees = reportIds(alerts("rm-goedstrup", ""));
        assertTrue(goedstrupSees.contains(goedstrup));
        assertFalse(goedstrupSees.contains(auh));
        for (JsonNode alert : alerts("rm-auh", "")) {
            assertTrue(alert.path("incidentLocation").asText().startsWith("130901"), "only AUH units: " + alert);
        }

        assertEquals(200, get("rm-auh", "alerting", "/api/v1/alerts?incidentLocation=" + AUH_DEPARTMENT).statusCode());
        Set<String> auhHospital = reportIds(alerts("regional-team", "?unit=" + AUH_HOSPITAL + "&status=ACTIVE&kind=SERIOUS_INCIDENT"));
        assertTrue(auhHospital.contains(auh) && !auhHospital.contains(goedstrup), "a hospital's list holds its departments' alerts");
        assertEquals(reportIds(alerts("rm-auh", "?unit=" + AUH_HOSPITAL)), reportIds(alerts("rm-auh", "")));
        assertTrue(reportIds(alerts("regional-team", "?unit=" + AUH_HOSPITAL + "&severity=NO_CONSEQUENCE")).isEmpty());
        assertEquals(403, get("rm-auh", "alerting", "/api/v1/alerts?unit=" + REGION).statusCode(), "the region's list is not theirs");
        HttpResponse<String> unknownFilter = get("regional-team", "alerting", "/api/v1/alerts?hospital=AUH&status=OPEN");
        assertEquals(400, unknownFilter.statusCode(), unknownFilter.body());
        assertEquals("application/problem+json", unknownFilter.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(unknownFilter.body().contains("\"hospital\"") && unknownFilter.body().contains("\"status\""), unknownFilter.body());
        HttpResponse<String> other = get("rm-auh", "alerting", "/api/v1/alerts?incidentLocation=" + GOEDSTRUP_DEPARTMENT);
        assertEquals(403, other.statusCode(), other.body());
        assertFalse(other.body().contains(goedstrup));

        // Overriding another hospital's report answers as for an unknown report: its existence is not theirs to learn.
        String override = JSON.writeValueAsString(Map.of("overallSeverity", "NO_CONSEQUENCE", "reason", "Ikke vores afdeling"));
        HttpResponse<String> foreign = postJson("rm-auh", "classifier", "/api/v1/incidents/" + goedstrup + "/classification", override);
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertEquals(404, postJson("rm-auh", "classifier", "/api/v1/incidents/no-such-report/classification", override).statusCode());
        HttpResponse<String> own = postJson("rm-goedstrup", "classifier", "/api/v1/incidents/" + goedstrup + "/classification", override);
        assertEquals(202, own.statusCode(), own.body());
    }

    @Test
    void seriesAreListedAndChartedForTheCallersUnitsOnlyAndForDownstreamSystemsAll() throws Exception {
        String auhUnit = "1309014000000";
        String goedstrupUnit = "1309022000000";
        LocalDate month = StatisticsConfig.defaults().incidentReader().lastClosed(PeriodGranularity.MONTH, Instant.now()).start();
        Map<String, IncidentClassified> history = new LinkedHashMap<>();
        for (String unit : List.of(auhUnit, goedstrupUnit)) {
            IncidentClassified incident = StatisticsIT.historical(unit, month.plusDays(3));
            history.put(incident.getReportId(), incident);
        }
        TopicRecords.send(kafka, Topics.INCIDENTS_CLASSIFIED, registry, history);
        String auhSeries = "incidents:MONTH:" + auhUnit + ":MEDICATION";
        String goedstrupSeries = "incidents:MONTH:" + goedstrupUnit + ":MEDICATION";
        awaitSeriesListed("regional-team", Set.of(auhSeries, goedstrupSeries));

        Set<String> auhSees = seriesIds("rm-auh", "");
        assertTrue(auhSees.contains(auhSeries));
        assertFalse(auhSees.contains(goedstrupSeries));
        assertTrue(auhSees.stream().allMatch(id -> id.contains(":130901")), "only AUH units: " + auhSees);
        assertTrue(seriesIds("downstream", "").containsAll(Set.of(auhSeries, goedstrupSeries)), "a downstream system reads every unit's aggregates");

        assertEquals(200, get("rm-auh", "statistics", "/api/v1/series/" + auhSeries).statusCode());
        assertEquals(404, get("rm-auh", "statistics", "/api/v1/series/" + goedstrupSeries).statusCode());
        assertEquals(200, get("rm-goedstrup", "statistics", "/api/v1/series/" + goedstrupSeries).statusCode());
        assertEquals(403, get("rm-auh", "statistics", "/api/v1/series?unit=" + goedstrupUnit).statusCode());
        assertEquals(200, get("rm-auh", "statistics", "/api/v1/series?unit=" + auhUnit).statusCode());
    }

    @Test
    void aSubmissionRecordsItsSubmitterAsAStablePseudonymNeverTheSubject() throws Exception {
        String first = submit(seriousReport("WHO-1", AUH_DEPARTMENT));
        String second = submit(seriousReport("WHO-2", AUH_DEPARTMENT));
        HttpResponse<String> byTeam = postJson("regional-team", "intake", "/api/v1/incidents", JSON.writeValueAsString(seriousReport("WHO-3", AUH_DEPARTMENT)));
        assertEquals(202, byTeam.statusCode(), byTeam.body());
        String third = JSON.readTree(byTeam.body()).get("reportId").asText();
        List<ConsumerRecord<String, IncidentReported>> reported = TopicRecords.readUntil(kafka, Topics.INCIDENTS_REPORTED, registry,
                read -> keys(read).containsAll(Set.of(first, second, third)), Duration.ofSeconds(60));
        Map<String, String> submitters = reported.stream().filter(r -> Set.of(first, second, third).contains(r.key()))
                .collect(Collectors.toMap(ConsumerRecord::key, r -> String.valueOf(r.value().getSubmittedBy()), (a, b) -> b));
        assertEquals(submitters.get(first), submitters.get(second), "one submitter, one pseudonym: " + submitters);
        assertNotEquals(submitters.get(first), submitters.get(third), "two submitters, two pseudonyms: " + submitters);
        for (String submitter : submitters.values()) {
            assertFalse(submitter.equals("null") || submitter.contains("reporter") || submitter.contains("regional-team"), submitter);
        }
    }

    // --- requests -------------------------------------------------------------------------------------------

    private static HttpResponse<String> send(Route route, Optional<String> token) throws Exception {
        return send(route, token, null);
    }

    private static HttpResponse<String> send(Route route, Optional<String> token, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.service(route.service()).url() + route.path()))
                .timeout(Duration.ofSeconds(30));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD || route.method() == HttpMethod.OPTIONS) {
            request.method(route.method().name(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(route.method().name(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnauthenticated(String what, HttpResponse<String> response) throws Exception {
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what + ": WWW-Authenticate");
        assertEquals(ProblemAuthorizationResponses.UNAUTHENTICATED, JSON.readTree(response.body()).path("type").asText(), what);
    }

    private static JsonNode alerts(String account, String query) throws Exception {
        HttpResponse<String> response = get(account, "alerting", "/api/v1/alerts" + query);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static void awaitAlerts(String account, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.test(alerts(account, ""))) {
            assertTrue(Instant.now().isBefore(deadline), "alerts not as expected for " + account);
            Thread.sleep(250);
        }
    }

    private static Set<String> reportIds(JsonNode alerts) {
        Set<String> ids = new java.util.HashSet<>();
        alerts.forEach(alert -> ids.add(alert.path("reportId").asText()));
        return ids;
    }

    private static Set<String> seriesIds(String account, String query) throws Exception {
        HttpResponse<String> response = get(account, "statistics", "/api/v1/series" + query);
        assertEquals(200, response.statusCode(), response.body());
        return seriesIds(response);
    }

    private static Set<String> seriesIds(HttpResponse<String> response) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        JSON.readTree(response.body()).forEach(series -> ids.add(series.path("seriesId").asText()));
        return ids;
    }

    /** A 503 while waiting is the stream rebalancing, which the problem tells a caller to retry. */
    private static void awaitSeriesListed(String account, Set<String> expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> response = get(account, "statistics", "/api/v1/series");
            if (response.statusCode() != 503) {
                assertEquals(200, response.statusCode(), response.body());
                if (seriesIds(response).containsAll(expected)) {
                    return;
                }
            }
            assertTrue(Instant.now().isBefore(deadline), expected + " not listed for " + account);
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> seriousReport(String sourceId, String unit) {
        return Map.of(
                "source", "access-test",
                "sourceId", sourceId + "-" + System.nanoTime(),
                "headline", "Forkert dosis givet",
                "description", "Patienten fik dobbelt dosis.",
                "eventDate", LocalDate.now().minusDays(1).toString(),
                "incidentLocation", unit,
                "actualConsequence", "SERIOUS",
                "possibleConsequence", "FATAL",
                "reporterType", "HEALTH_PROFESSIONAL");
    }

    // --- tokens no account gets -------------------------------------------------------------------------------

    private static Map<String, Object> claims(String account, List<String> audience) {
        var demo = TestIdentityProvider.shared().account(account);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", demo.name());
        if (audience != null) {
            claims.put("aud", audience);
        }
        claims.put("roles", demo.roles());
        return claims;
    }

    private static JWTClaimsSet claimsSet(String issuer, Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(builder::claim);
        return builder.build();
    }

    /** A reporter's real token whose payload now says regional team, under the original signature. */
    private static String tampered(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.putArray("roles").add("regional-team");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static String foreignSigned(String genuine, JWTClaimsSet claims) throws ParseException, JOSEException {
        String keyId = SignedJWT.parse(genuine).getHeader().getKeyID();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(keyId).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(foreign));
        return jwt.serialize();
    }
}
