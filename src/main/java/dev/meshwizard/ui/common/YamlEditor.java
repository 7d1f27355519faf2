package dev.meshwizard.ui.common;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A YAML text area with highlighting, line numbers and problem markers at their lines. Used editable for Helm
 * values and read-only for rendered manifests. Highlighting runs on each change: values files and manifests
 * are small enough (a few thousand lines) for a regex pass.
 */
public final class YamlEditor extends StackPane {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>(?<=^|\\s)#[^\\n]*)"
            + "|(?<DOC>^(---|\\.\\.\\.)[ \\t]*$)"
            + "|(?<KEY>^[ \\t]*(- )?[^\\s#:'\"][^:#\\n]*?(?=:(\\s|$)))"
            + "|(?<STRING>\"([^\"\\\\\\n]|\\\\.)*\"|'([^'\\n]|'')*')"
            + "|(?<LITERAL>(?<=[:\\-]\\s)(true|false|null|~|-?\\d+(\\.\\d+)?)(?=\\s*(#|$)))",
            Pattern.MULTILINE);

    private final CodeArea area = new CodeArea();
    private final Map<Integer, String> problems = new TreeMap<>();

    public YamlEditor(boolean editable) {
        getStyleClass().add("yaml-editor");
        area.setEditable(editable);
        area.getStyleClass().add("yaml-area");
        area.textProperty().addListener((obs, old, now) -> area.setStyleSpans(0, highlight(now)));
        updateGutter();
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    /** Replaces the whole text (undo history starts anew). */
    public void setText(String text) {
        area.replaceText(text == null ? "" : text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
    }

    public String getText() {
        return area.getText();
    }

    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    /** Calls {@code onQuiet} with the text once the user stopped typing for {@code quiet}. */
    public void onEdited(Duration quiet, Consumer<String> onQuiet) {
        area.multiPlainChanges().successionEnds(quiet).subscribe(changes -> onQuiet.accept(area.getText()));
    }

    /** Marks lines (1-based) with problems; replaces earlier marks. */
    public void showProblems(Map<Integer, String> byLine) {
        for (Integer line : problems.keySet()) {
            if (line - 1 < area.getParagraphs().size()) {
                area.setParagraphStyle(line - 1, Collections.emptyList());
            }
        }
        problems.clear();
        problems.putAll(byLine);
        for (Integer line : problems.keySet()) {
            if (line >= 1 && line - 1 < area.getParagraphs().size()) {
                area.setParagraphStyle(line - 1, List.of("problem-line"));
            }
        }
        updateGutter();
    }

    /** The lines (1-based) currently marked. */
    public Collection<Integer> markedLines() {
        return Collections.unmodifiableSet(problems.keySet());
    }

    /** Selects the next occurrence of {@code query} (case-insensitive) after the caret; false when none. */
    public boolean find(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        String text = area.getText().toLowerCase(java.util.Locale.ROOT);
        String needle = query.toLowerCase(java.util.Locale.ROOT);
        int from = area.getSelection().getEnd();
        int at = text.indexOf(needle, from);
        if (at < 0) {
            at = text.indexOf(needle);
        }
        if (at < 0) {
            return false;
        }
        area.selectRange(at, at + needle.length());
        area.requestFollowCaret();
        return true;
    }

    /** Moves the caret to a line (1-based) and shows it. */
    public void goToLine(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(paragraph, 0);
        area.requestFollowCaret();
    }

    /** The caret's line, 1-based. */
    public int caretLine() {
        return area.getCurrentParagraph() + 1;
    }

    private void updateGutter() {
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(paragraph -> {
            Node number = numbers.apply(paragraph);
            String problem = problems.get(paragraph + 1);
            Label marker = new Label();
            marker.setMinWidth(16);
            if (problem != null) {
                FontIcon icon = new FontIcon(Feather.ALERT_CIRCLE);
                icon.getStyleClass().add("danger");
                marker.setGraphic(icon);
                Tooltip tip = new Tooltip(problem);
                // Helm's messages are long: wrapped, no wider than a laptop window
                tip.setWrapText(true);
                tip.setMaxWidth(560);
                marker.setTooltip(tip);
                marker.getStyleClass().add("problem-marker");
            }
            HBox box = new HBox(number, marker);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        });
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher matcher = TOKENS.matcher(text);
        int last = 0;
        while (matcher.find()) {
            String style = matcher.group("COMMENT") != null ? "yaml-comment"
                    : matcher.group("DOC") != null ? "yaml-document"
                    : matcher.group("KEY") != null ? "yaml-key"
                    : matcher.group("STRING") != null ? "yaml-string" : "yaml-literal";
            spans.add(Collections.emptyList(), matcher.start() - last);
            spans.add(List.of(style), matcher.end() - matcher.start());
            last = matcher.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
