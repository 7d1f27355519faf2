package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void escapeBellBackspaceCarriageReturnDelAndC1ControlsAreMadeVisible() {
        assertThat(TerminalText.escape("a\u001b[31mb\u0007c\bd\re\u007ff\u009bg"))
                .isEqualTo("a\\e[31mb\\x07c\\x08d\\re\\x7ff\\x9bg");
    }

    @Test
    void lineBreaksTabsAndNonLatinTextPassUnchanged() {
        assertThat(TerminalText.escape("name\tvalue\nzone: 東京 ✓")).isEqualTo("name\tvalue\nzone: 東京 ✓");
    }

    @Test
    void everythingPrintedThroughTheWriterIsEscaped() {
        StringWriter target = new StringWriter();
        PrintWriter out = TerminalText.writer(target);

        out.print('\u001b');
        out.printf("%s%n", "pod\u0007");

        assertThat(target.toString()).isEqualTo("\\epod\\x07" + System.lineSeparator());
    }

    @Test
    void theByteStreamForLogLinesEscapesControlBytesAndKeepsUtf8() throws Exception {
        java.io.ByteArrayOutputStream target = new java.io.ByteArrayOutputStream();
        java.io.OutputStream err = TerminalText.bytes(target);

        err.write("WARN pod \u001b[2Jcaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(target.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("WARN pod \\e[2Jcaf\u00e9\n");
    }
}
