package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SetItemsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a=1", "a.b.c=x", "ports[0].name=http", "a[1][2]=x", "a=", "a={x,y}", "a\\.b=c",
        "a=1,b=2", "env.X=a=b", "a=x\\,y"})
    void itemsHelmReadsAreAccepted(String text) {
        assertThat(SetItems.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pilot.env[=x|has a list index that is not a number in brackets at character 10",
        "a[x]=1|has a list index that is not a number",
        "a|has no '=' after the key \"a\"",
        "=1|has an empty key before '='",
        "a..b=1|has an empty key between dots",
        "a={x,y|has a list value opened with '{'",
        "a=1,|ends with ','",
        "a=1,b|has no '=' after the key \"b\""})
    void malformedItemsSayWhatIsWrong(String text, String problem) {
        assertThat(SetItems.problem(text)).get().asString().startsWith(problem);
    }
}
