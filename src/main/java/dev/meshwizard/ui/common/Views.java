package dev.meshwizard.ui.common;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the code-built views. */
public final class Views {

    private Views() {
    }

    /** A step heading with a one-paragraph explanation under it. */
    public static VBox heading(String title, String explanation) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, titleLabel, text);
    }

    /** A wrapping error label that is only visible while its text is not empty. */
    public static Label errorLabel(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.DANGER);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A form label that keeps its full text rather than being cut short. */
    public static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A label that wraps instead of cutting its text. */
    public static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A muted wrapping label for explanations next to controls. */
    public static Label muted(String text) {
        Label label = wrapping(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /** A read-only text column whose cells show {@code value} of the row. */
    public static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        // a resize policy may shrink columns: never below their title ("Re…" tells nobody anything)
        double titleWidth = titleWidth(title);
        column.setPrefWidth(Math.max(width, titleWidth));
        column.setMinWidth(Math.min(titleWidth, 160));
        return column;
    }

    /** The width a column needs to show {@code title} whole: its bold header text, padding and sort arrow. */
    public static double titleWidth(String title) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(title);
        text.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, 15));
        return Math.ceil(text.getLayoutBounds().getWidth()) + 30;
    }

    public static FontIcon icon(Ikon ikon, String styleClass) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    /** An enum constant as words for the screen: {@code INTERNET_FACING} → {@code internet facing}. */
    public static String words(Enum<?> constant) {
        return constant == null ? "" : constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Shows a combo box's constants through {@code text} (its list and its button). */
    public static <T> void showAs(javafx.scene.control.ComboBox<T> combo, Function<T, String> text) {
        combo.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return combo.getItems().stream().filter(v -> text.apply(v).equals(string)).findFirst().orElse(null);
            }
        });
    }
}
