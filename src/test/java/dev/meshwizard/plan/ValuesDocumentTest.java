package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesDocumentTest {

    /** A gateway values file as people keep them: comments everywhere, ports commented out. */
    static final String GATEWAY_VALUES = """
            # Ingress gateway for the shop.
            # Owner: platform team

            service:
              # LoadBalancer on EKS, NodePort on kind
              type: LoadBalancer   # keep in sync with the runbook
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-type: external

                # the NLB talks to pod IPs
                service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
              # ports:
              # - name: status-port
              #   port: 15021
              #   targetPort: 15021
              # - name: http2
              #   port: 80
              #   targetPort: 8080

            # resources for the gateway pods
            resources:
              requests:
                cpu: 100m    # small cluster
                memory: 128Mi

            labels:
              team: shop
            """;

    @Test
    void aCommentedValuesFileWithCommentedOutPortsSurvivesAFormEditByteForByteOutsideTheEditedKey() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // When
        String edited = doc.set("service.type", "NodePort").text();

        // Then
        String before = "type: LoadBalancer   # keep";
        int at = GATEWAY_VALUES.indexOf(before) + "type: ".length();
        assertThat(edited.substring(0, at)).isEqualTo(GATEWAY_VALUES.substring(0, at));
        assertThat(edited.substring(at, at + "NodePort".length())).isEqualTo("NodePort");
        assertThat(edited.substring(at + "NodePort".length()))
                .isEqualTo(GATEWAY_VALUES.substring(at + "LoadBalancer".length()));
        assertThat(ValuesDocument.parse(edited).get("service.type")).contains("NodePort");
    }

    @Test
    void aNewKeyGoesAtTheEndOfItsMappingAtThatMappingsIndent() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // When
        String edited = doc.set("service.annotations.\"service.beta.kubernetes.io/aws-load-balancer-scheme\"",
                "internal").text();

        // Then
        String after = "    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n";
        String inserted = "    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n";
        assertThat(edited).isEqualTo(GATEWAY_VALUES.replace(after, after + inserted));
    }

    @Test
    void settingAKeyUnderMissingParentsCreatesThemAtTheEndOfTheNearestExistingMapping() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // When
        String edited = doc.set("resources.limits.memory", "256Mi").text();

        // Then
        String after = "    memory: 128Mi\n";
        assertThat(edited).isEqualTo(GATEWAY_VALUES.replace(after, after + "  limits:\n    memory: 256Mi\n"));
    }

    @Test
    void aNewTopLevelKeyGoesAfterTheLastEntryOfTheFile() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // When
        String edited = doc.set("autoscaling.enabled", false).text();

        // Then
        assertThat(edited).isEqualTo(GATEWAY_VALUES + "autoscaling:\n  enabled: false\n");
    }

    @Test
    void removingAKeyTakesItsLinesAndNothingElse() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // When
        String edited = doc.remove("service.annotations.\"service.beta.kubernetes.io/aws-load-balancer-type\"")
                .text();

        // Then
        assertThat(edited).isEqualTo(GATEWAY_VALUES.replace(
                "    service.beta.kubernetes.io/aws-load-balancer-type: external\n", ""));
    }

    @Test
    void removingTheLastKeyOfAMappingLeavesAnEmptyMapping() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // When
        String edited = doc.remove("labels.team").text();

        // Then
        assertThat(edited).isEqualTo(GATEWAY_VALUES.replace("labels:\n  team: shop\n", "labels: {}\n"));
        assertThat(ValuesDocument.parse(edited).get("labels")).contains(Map.of());
    }

    @Test
    void settingPortsUnderAnEmptyKeyKeepsTheCommentedOutPortsBelowThem() {
        // Given
        String text = """
                service:
                  ports:
                  # - name: status-port
                  #   port: 15021
                  type: ClusterIP
                """;

        // When
        String edited = ValuesDocument.parse(text).set("service.ports", List.of(port("http2", 80, 8080))).text();

        // Then
        assertThat(edited).isEqualTo("""
                service:
                  ports:
                    - name: http2
                      port: 80
                      targetPort: 8080
                  # - name: status-port
                  #   port: 15021
                  type: ClusterIP
                """);
    }

    @Test
    void editingOnePortChangesOnlyThatPortsValue() {
        // Given
        String text = """
                service:
                  ports:
                  - name: status-port  # health
                    port: 15021
                    targetPort: 15021
                  - name: http2
                    port: 80
                    targetPort: 80     # the Bookinfo Gateway listens on 8080
                """;
        ValuesDocument doc = ValuesDocument.parse(text);

        // When
        ValuesDocument edited = doc.set("service.ports[1].targetPort", 8080);

        // Then
        assertThat(edited.text()).isEqualTo(text.replace("targetPort: 80 ", "targetPort: 8080 "));
        assertThat(edited.get("service.ports[1].targetPort")).contains(8080);
        assertThat(edited.get("service.ports[0].name")).contains("status-port");
    }

    @Test
    void aPortGetsANewKeyAndTheListANewItemInTheDocumentsOwnListStyle() {
        // Given
        String text = """
                service:
                  ports:
                  - name: http2
                    port: 80
                """;
        ValuesDocument doc = ValuesDocument.parse(text);

        // When
        ValuesDocument edited = doc.set("service.ports[0].targetPort", 8080)
                .set("service.ports[1]", port("https", 443, 8443));

        // Then
        assertThat(edited.text()).isEqualTo("""
                service:
                  ports:
                  - name: http2
                    port: 80
                    targetPort: 8080
                  - name: https
                    port: 443
                    targetPort: 8443
                """);
    }

    @Test
    void replacingTheWholePortsListRewritesOnlyTheList() {
        // Given
        String text = """
                service:
                  ports:
                  - name: http2  # old
                    port: 80
                  # trailing note
                labels: {}
                """;

        // When
        String edited = ValuesDocument.parse(text)
                .set("service.ports", List.of(port("http2", 80, 8080), port("https", 443, 8443))).text();

        // Then
        assertThat(edited).isEqualTo("""
                service:
                  ports:
                  - name: http2
                    port: 80
                    targetPort: 8080
                  - name: https
                    port: 443
                    targetPort: 8443
                  # trailing note
                labels: {}
                """);
    }

    @Test
    void removingAListItemTakesItsLines() {
        // Given
        String text = """
                ports:
                - name: a
                  port: 1
                - name: b   # second
                  port: 2
                - name: c
                  port: 3
                """;

        // When
        String edited = ValuesDocument.parse(text).remove("ports[1]").text();

        // Then
        assertThat(edited).isEqualTo(text.replace("- name: b   # second\n  port: 2\n", ""));
    }

    @Test
    void removingTheFirstKeyOfAListItemKeepsTheItemsDash() {
        // Given
        String text = "ports:\n- name: a\n  port: 1\n";

        // When
        String edited = ValuesDocument.parse(text).remove("ports[0].name").text();

        // Then
        assertThat(edited).isEqualTo("ports:\n- port: 1\n");
    }

    @Test
    void annotationsInAnEmptyFlowMappingBecomeABlockMapping() {
        // Given
        String text = "service:\n  annotations: {}   # none yet\n  type: LoadBalancer\n";

        // When
        String edited = ValuesDocument.parse(text).set("service.annotations",
                ordered("a.example.com/x", "1", "b.example.com/y", "two")).text();

        // Then
        assertThat(edited).isEqualTo("""
                service:
                  annotations:
                    a.example.com/x: "1"
                    b.example.com/y: two
                  type: LoadBalancer
                """);
    }

    @Test
    void aKeyInsideAFlowMappingRewritesThatMappingInBlockStyle() {
        // Given
        String text = "# head\nservice:\n  annotations: {a: b}\n  type: LoadBalancer\n";

        // When
        String edited = ValuesDocument.parse(text).set("service.annotations.c", "d").text();

        // Then
        assertThat(edited).isEqualTo("# head\nservice:\n  annotations:\n    a: b\n    c: d\n  type: LoadBalancer\n");
    }

    @Test
    void aCommentOnlyDocumentGetsItsFirstKeysAtTheEnd() {
        // Given
        String text = "# Values for the gateway\n#\n# service:\n#   type: LoadBalancer\n";

        // When
        String edited = ValuesDocument.parse(text).set("service.type", "ClusterIP").text();

        // Then
        assertThat(edited).isEqualTo(text + "service:\n  type: ClusterIP\n");
    }

    @Test
    void aFileWithoutAFinalLineBreakStaysWithoutOne() {
        // Given
        String text = "a: 1\nb: 2";

        // When
        ValuesDocument doc = ValuesDocument.parse(text);

        // Then
        assertThat(doc.set("c", 3).text()).isEqualTo("a: 1\nb: 2\nc: 3");
        assertThat(doc.remove("b").text()).isEqualTo("a: 1");
        assertThat(doc.set("b", 5).text()).isEqualTo("a: 1\nb: 5");
    }

    @Test
    void windowsLineBreaksAndFourSpaceIndentsAreKeptInNewLines() {
        // Given
        String text = "service:\r\n    type: LoadBalancer\r\n";

        // When
        String edited = ValuesDocument.parse(text).set("service.annotations.x", "z").text();

        // Then
        assertThat(edited).isEqualTo("service:\r\n    type: LoadBalancer\r\n    annotations:\r\n        x: z\r\n");
    }

    @Test
    void settingTheValueTheDocumentHoldsChangesNothing() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // When
        ValuesDocument same = doc.set("service.type", "LoadBalancer");

        // Then
        assertThat(same).isSameAs(doc);
    }

    @Test
    void stringsThatWouldReadAsOtherTypesAreQuoted() {
        // Given
        ValuesDocument doc = ValuesDocument.parse("a: 1\n");

        // When
        ValuesDocument edited = doc.set("port", "15021").set("flag", "on").set("empty", "").set("n", "y")
                .set("text", "a: b").set("path", "/healthz/ready").set("n2", 15021);

        // Then
        assertThat(edited.text()).isEqualTo("a: 1\nport: \"15021\"\nflag: \"on\"\nempty: \"\"\n\"n\": \"y\"\n"
                + "text: \"a: b\"\npath: /healthz/ready\nn2: 15021\n");
        assertThat(edited.get("port")).contains("15021");
        assertThat(edited.get("n2")).contains(15021);
    }

    @Test
    void textWithCharactersOutsideTheBasicPlaneIsSplicedAtTheRightPlace() {
        // Given
        String text = "# 🚀 launch settings 🚀\nservice:\n  type: LoadBalancer # 🙂\n";

        // When
        String edited = ValuesDocument.parse(text).set("service.type", "NodePort").text();

        // Then
        assertThat(edited).isEqualTo("# 🚀 launch settings 🚀\nservice:\n  type: NodePort # 🙂\n");
    }

    @Test
    void aLiteralBlockValueIsReplacedWithoutEatingTheBlankLineAfterIt() {
        // Given
        String text = "notes: |\n  line one\n  line two\n\nnext: 1\n";

        // When
        String edited = ValuesDocument.parse(text).set("notes", "short").text();

        // Then
        assertThat(edited).isEqualTo("notes: short\n\nnext: 1\n");
    }

    @Test
    void readsNestedValuesAndListItems() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);

        // Then
        assertThat(doc.get("resources.requests.cpu")).contains("100m");
        assertThat(doc.get("service.annotations.\"service.beta.kubernetes.io/aws-load-balancer-type\""))
                .contains("external");
        assertThat(doc.get("service.ports")).isEmpty();
        assertThat(doc.get("labels")).contains(Map.of("team", "shop"));
        assertThat(doc.toMap()).containsOnlyKeys("service", "resources", "labels");
    }

    @Test
    void aKeySetTwiceIsAnErrorNamingBothLines() {
        // Given
        String text = """
                service:
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: "15021"
                    service.beta.kubernetes.io/aws-load-balancer-type: external
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: traffic-port
                """;

        // Then
        assertThatThrownBy(() -> ValuesDocument.parse(text))
                .isInstanceOf(ValuesException.class)
                .hasMessage("service.annotations.\"service.beta.kubernetes.io/aws-load-balancer-healthcheck-port\""
                        + " set twice: lines 3 and 5")
                .satisfies(e -> assertThat(((ValuesException) e).line()).isEqualTo(5));
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() {
        // Given
        String text = "service:\n  type: LoadBalancer\n   bad: indent\n";

        // Then
        assertThatThrownBy(() -> ValuesDocument.parse(text))
                .isInstanceOf(ValuesException.class)
                .hasMessageStartingWith("YAML syntax error at line 3, column 7")
                .satisfies(e -> {
                    assertThat(((ValuesException) e).line()).isEqualTo(3);
                    assertThat(((ValuesException) e).column()).isEqualTo(7);
                });
    }

    @Test
    void aKeyBelowAPlainValueIsRefused() {
        // Given
        ValuesDocument doc = ValuesDocument.parse("service: none\n");

        // Then
        assertThatThrownBy(() -> doc.set("service.type", "ClusterIP"))
                .isInstanceOf(ValuesException.class)
                .hasMessageContaining("service is a plain value, not a mapping (line 1)");
    }

    @Test
    void eachEditMeansTheSameAsTheSameEditOfThePlainValues() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(GATEWAY_VALUES);
        List<Object[]> edits = List.of(
                new Object[] {"service.type", "ClusterIP"},
                new Object[] {"service.annotations", Map.of()},
                new Object[] {"service.annotations.\"example.com/a\"", "b"},
                new Object[] {"service.ports", List.of(port("http2", 80, 8080))},
                new Object[] {"resources", Map.of("limits", Map.of("cpu", "1"))},
                new Object[] {"resources.requests.cpu", 2},
                new Object[] {"labels.team", List.of("a", "b")},
                new Object[] {"labels.extra.deep.key", true},
                new Object[] {"replicaCount", 3},
                new Object[] {"labels", "plain"});

        for (Object[] edit : edits) {
            // When
            ValuesDocument edited = doc.set((String) edit[0], edit[1]);

            // Then
            Map<String, Object> expected = doc.toMap();
            JavaValues.set(expected, ValuesPath.parse((String) edit[0]), 0, edit[1]);
            assertThat(ValuesDocument.parse(edited.text()).toMap()).as("set %s", edit[0]).isEqualTo(expected);
            assertThat(edited.text()).as("set %s", edit[0]).startsWith("# Ingress gateway for the shop.\n");
        }
        for (String path : List.of("service", "service.type", "resources.requests", "labels.team",
                "service.annotations.\"service.beta.kubernetes.io/aws-load-balancer-nlb-target-type\"")) {
            Map<String, Object> expected = doc.toMap();
            JavaValues.remove(expected, ValuesPath.parse(path), 0);
            if (path.equals("labels.team") || path.equals("resources.requests")) {
                expected.put(path.substring(0, path.indexOf('.')), Map.of());
            }
            assertThat(doc.remove(path).toMap()).as("remove %s", path).isEqualTo(expected);
        }
    }

    @Test
    void aFlowListOfPortsBecomesABlockListWhenOnePortChanges() {
        // Given
        String text = "service:\n  ports: [{name: http2, port: 80}, {name: https, port: 443}]  # short\n";

        // When
        String edited = ValuesDocument.parse(text).set("service.ports[1].targetPort", 8443).text();

        // Then
        assertThat(edited).isEqualTo("""
                service:
                  ports:
                    - name: http2
                      port: 80
                    - name: https
                      port: 443
                      targetPort: 8443
                """);
    }

    @Test
    void quotedKeysAndValuesOnTheNextLineAreEditedInPlace() {
        // Given
        String text = "\"service\":\n  'type':\n    LoadBalancer\n";

        // When
        String edited = ValuesDocument.parse(text).set("service.type", "NodePort").text();

        // Then
        assertThat(edited).isEqualTo("\"service\":\n  'type':\n    NodePort\n");
    }

    @Test
    void editsThroughAnAnchorSharedByOtherKeysAreRefused() {
        // Given
        ValuesDocument doc = ValuesDocument.parse("base: &common\n  cpu: 1\nother: *common\n");

        // Then
        assertThat(doc.get("other.cpu")).contains(1);
        assertThatThrownBy(() -> doc.set("other.cpu", 2))
                .isInstanceOf(ValuesException.class)
                .hasMessageContaining("through the YAML anchor &common (line 1)");
    }

    static Map<String, Object> port(String name, int port, int targetPort) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("port", port);
        map.put("targetPort", targetPort);
        return map;
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
