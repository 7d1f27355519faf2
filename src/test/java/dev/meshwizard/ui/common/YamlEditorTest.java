package dev.meshwizard.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class YamlEditorTest {

    private YamlEditor editor;

    @Start
    void start(Stage stage) {
        editor = new YamlEditor(true);
        stage.setScene(new Scene(editor, 600, 400));
        stage.show();
    }

    /** The highlighted tokens as "style:text" pairs, in order. */
    private static List<String> tokens(String text) {
        StyleSpans<Collection<String>> spans = YamlEditor.highlight(text);
        List<String> result = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                result.add(span.getStyle().iterator().next() + ":" + text.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        return result;
    }

    @Test
    void keysCommentsStringsAndLiteralsAreHighlighted() {
        String text = "service:\n  type: LoadBalancer # public\n  annotations:\n    a/b: \"x\"\n  replicas: 2\n---\n";

        assertThat(tokens(text)).containsExactly("yaml-key:service", "yaml-key:  type", "yaml-comment:# public",
                "yaml-key:  annotations", "yaml-key:    a/b", "yaml-string:\"x\"", "yaml-key:  replicas",
                "yaml-literal:2", "yaml-document:---");
    }

    @Test
    void aHashInsideAValueIsNotAComment() {
        assertThat(tokens("path: /a#b\n")).containsExactly("yaml-key:path");
    }

    @Test
    void problemsAreMarkedAtTheirLinesAndReplacedByTheNextCheck(FxRobot robot) {
        robot.interact(() -> {
            editor.setText("a: 1\nb: 2\nb: 3\n");
            editor.showProblems(Map.of(3, "b set twice: lines 2 and 3"));
        });
        assertThat(editor.markedLines()).containsExactly(3);

        robot.interact(() -> editor.showProblems(Map.of()));
        assertThat(editor.markedLines()).isEmpty();
        assertThat(editor.getText()).isEqualTo("a: 1\nb: 2\nb: 3\n");
    }

    @Test
    void findSelectsTheNextMatchAndWrapsAround(FxRobot robot) {
        robot.interact(() -> editor.setText("kind: Service\n---\nkind: Deployment\n"));

        robot.interact(() -> assertThat(editor.find("kind")).isTrue());
        robot.interact(() -> assertThat(editor.find("KIND")).isTrue());
        robot.interact(() -> assertThat(editor.find("nothing-like-this")).isFalse());
    }
}
