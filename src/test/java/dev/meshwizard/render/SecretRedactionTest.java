package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    @Test
    void dataAndStringDataValuesAreRedactedAndTheirKeysKept() {
        RenderedObject secret = secret("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: cacerts
                type: Opaque
                data:
                  ca-cert.pem: LS0tLS1CRUdJTg==
                  "root.pem": >-
                    LS0tLS1CRUdJTg
                    continued
                stringData:
                  password: hunter2
                  config.yaml: |
                    user: admin
                    token: abc
                immutable: true""");

        assertThat(secret.displayYaml()).isEqualTo("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: cacerts
                type: Opaque
                data:
                  ca-cert.pem: <redacted>
                  "root.pem": <redacted>
                stringData:
                  password: <redacted>
                  config.yaml: <redacted>
                immutable: true""");
    }

    @Test
    void inlineDataIsRedactedAsAWholeAndEmptyDataKept() {
        assertThat(secret("kind: Secret\napiVersion: v1\ndata: {a: YQ==}\nstringData: {}").displayYaml())
                .isEqualTo("kind: Secret\napiVersion: v1\ndata: <redacted>\nstringData: {}");
    }

    @Test
    void otherKindsAreShownAsRendered() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: visible";
        RenderedObject configMap = new RenderedObject("v1", "ConfigMap", "c", "", "", yaml);

        assertThat(configMap.displayYaml()).isEqualTo(yaml);
    }

    private static RenderedObject secret(String yaml) {
        return new RenderedObject("v1", "Secret", "cacerts", "istio-system", "", yaml);
    }
}
