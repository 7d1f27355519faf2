package dev.meshwizard.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessLogParserTest {

    static final String OK = "[2025-01-15T10:00:01.123Z] \"GET /productpage HTTP/1.1\" 200 - via_upstream - \"-\" 0 "
            + "5289 32 31 \"10.244.0.1\" \"curl/8.5.0\" \"84961386-6d84-929d-98bd-c5aee93b5c88\" \"192.168.49.2:31380\" "
            + "\"10.244.0.17:9080\" outbound|9080||productpage.default.svc.cluster.local 10.244.0.9:46520 "
            + "10.244.0.9:8080 10.244.0.1:51234 - -";

    private final AccessLogParser parser = new AccessLogParser();

    static String lineWithFlags(String flags, int status) {
        return "[2025-01-15T10:00:02.000Z] \"GET /reviews/0 HTTP/1.1\" " + status + " " + flags
                + " no_healthy_upstream - \"-\" 0 19 0 - \"-\" \"Python-urllib/3.12\" \"abc\" \"reviews:9080\" \"-\" "
                + "outbound|9080|v3|reviews.default.svc.cluster.local - 10.96.0.12:9080 10.244.0.17:40000 - default";
    }

    @Test
    void aSuccessfulRequestIsReadFieldByField() {
        AccessLogLine line = parser.parse(OK);

        assertThat(line.isAccessLog()).isTrue();
        AccessLogEntry entry = line.entry().orElseThrow();
        assertThat(entry.time()).isEqualTo(Instant.parse("2025-01-15T10:00:01.123Z"));
        assertThat(entry.method()).isEqualTo("GET");
        assertThat(entry.path()).isEqualTo("/productpage");
        assertThat(entry.protocol()).isEqualTo("HTTP/1.1");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.flags()).isEmpty();
        assertThat(entry.details()).isEqualTo("via_upstream");
        assertThat(entry.terminationDetails()).isEmpty();
        assertThat(entry.bytesReceived()).isZero();
        assertThat(entry.bytesSent()).isEqualTo(5289);
        assertThat(entry.durationMillis()).isEqualTo(32);
        assertThat(entry.upstreamServiceTime()).hasValue(31);
        assertThat(entry.userAgent()).isEqualTo("curl/8.5.0");
        assertThat(entry.authority()).isEqualTo("192.168.49.2:31380");
        assertThat(entry.upstreamHost()).isEqualTo("10.244.0.17:9080");
        assertThat(entry.upstreamCluster()).isEqualTo("outbound|9080||productpage.default.svc.cluster.local");
        assertThat(entry.upstreamSubset()).isEmpty();
        assertThat(entry.downstreamRemoteAddress()).isEqualTo("10.244.0.1:51234");
        assertThat(entry.routeName()).isEmpty();
        assertThat(entry.succeeded()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ResponseFlag.class)
    void everyFlagInTheCatalogIsReadAndExplained(ResponseFlag flag) {
        AccessLogEntry entry = parser.parse(lineWithFlags(flag.code(), 503)).entry().orElseThrow();

        assertThat(entry.knownFlags()).containsExactly(flag);
        assertThat(entry.status()).isEqualTo(503);
        assertThat(entry.upstreamSubset()).hasValue("v3");
        assertThat(entry.upstreamHost()).isEmpty();
        assertThat(entry.upstreamServiceTime()).isEmpty();
        assertThat(entry.routeName()).isEqualTo("default");
        assertThat(flag.explanation()).isNotBlank();
        assertThat(flag.hint()).isNotBlank().isNotEqualTo(flag.explanation());
    }

    @Test
    void severalFlagsAreReadInOrderAndUnknownOnesAreKeptAside() {
        AccessLogEntry entry = parser.parse(lineWithFlags("URX,UF,ZZ", 503)).entry().orElseThrow();

        assertThat(entry.flags()).containsExactly("URX", "UF", "ZZ");
        assertThat(entry.knownFlags()).containsExactly(ResponseFlag.URX, ResponseFlag.UF);
        assertThat(entry.unknownFlags()).containsExactly("ZZ");
    }

    @Test
    void noRouteAndNoHealthyUpstreamPointAtTheChecksThatFindTheirUsualCauses() {
        assertThat(ResponseFlag.NR.relatedChecks()).contains(RelatedCheck.GATEWAY_HOST_MISMATCH,
                RelatedCheck.GATEWAY_SELECTOR_NO_PODS);
        assertThat(ResponseFlag.UH.relatedChecks()).contains(RelatedCheck.SUBSET_NO_PODS);
        assertThat(ResponseFlag.NC.relatedChecks()).contains(RelatedCheck.SUBSET_NOT_DEFINED);
        assertThat(ResponseFlag.DC.relatedChecks()).isEmpty();
    }

    @Test
    void theCatalogKnowsTheCommonFlags() {
        List<String> codes = Arrays.stream(ResponseFlag.values()).map(ResponseFlag::code).toList();

        assertThat(codes).contains("NR", "UH", "UF", "URX", "NC", "DC", "UO", "UT", "LR", "RL", "UAEX", "UC", "DPE",
                "LH", "UR", "UMSDR", "RLSE", "IH", "SI", "DI", "FI", "OM", "DF");
        assertThat(ResponseFlag.of("XX")).isEmpty();
    }

    @Test
    void aTcpConnectionHasNoMethodAndNoStatus() {
        String tcp = "[2025-01-15T10:00:03.000Z] \"- - -\" 0 UF,URX - - \"-\" 0 0 10001 - \"-\" \"-\" \"-\" \"-\" "
                + "\"10.0.0.5:3306\" outbound|3306||mysql.default.svc.cluster.local - 10.96.1.1:3306 10.0.0.9:5555 - -";

        AccessLogEntry entry = parser.parse(tcp).entry().orElseThrow();

        assertThat(entry.method()).isEmpty();
        assertThat(entry.status()).isZero();
        assertThat(entry.durationMillis()).isEqualTo(10001);
        assertThat(entry.knownFlags()).containsExactly(ResponseFlag.UF, ResponseFlag.URX);
    }

    @Test
    void aJsonLineIsReadLikeItsTextForm() {
        String json = "{\"start_time\":\"2025-01-15T10:00:04.000Z\",\"method\":\"GET\",\"path\":\"/productpage\","
                + "\"protocol\":\"HTTP/1.1\",\"response_code\":404,\"response_flags\":\"NR\","
                + "\"response_code_details\":\"route_not_found\",\"bytes_received\":0,\"bytes_sent\":0,"
                + "\"duration\":0,\"upstream_service_time\":null,\"authority\":\"bookinfo.example.com\","
                + "\"upstream_cluster\":null,\"route_name\":null}";

        AccessLogEntry entry = parser.parse(json).entry().orElseThrow();

        assertThat(entry.status()).isEqualTo(404);
        assertThat(entry.knownFlags()).containsExactly(ResponseFlag.NR);
        assertThat(entry.details()).isEqualTo("route_not_found");
        assertThat(entry.authority()).isEqualTo("bookinfo.example.com");
        assertThat(entry.upstreamCluster()).isEmpty();
        assertThat(entry.upstreamServiceTime()).isEmpty();
    }

    @Test
    void otherLinesComeBackWithTheirTextAndNoEntry() {
        List<String> lines = List.of(
                "2025-01-15T10:00:00.000000Z\tinfo\tEnvoy proxy is ready",
                "{\"level\":\"info\",\"msg\":\"not a request\"}",
                "{not json",
                "[not a time] \"GET / HTTP/1.1\" 200 - via_upstream - \"-\" 0 0 1 1 \"-\" \"-\" \"-\" \"-\" \"-\" a b c d - -",
                "",
                OK.replace(" 5289 ", " many "));

        List<AccessLogLine> parsed = parser.parseAll(lines);

        assertThat(parsed).noneMatch(AccessLogLine::isAccessLog);
        assertThat(parsed).extracting(AccessLogLine::raw).containsExactlyElementsOf(lines);
    }

    @Test
    void aTrailingNewlineIsNotPartOfTheRawText() {
        assertThat(parser.parse(OK + "\r\n").raw()).isEqualTo(OK);
        assertThat(parser.parse(OK + "\n").isAccessLog()).isTrue();
    }
}
