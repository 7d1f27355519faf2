package dev.meshwizard.ui.kiali;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Kiali in a closable tab: a web view on the forwarded port that stays on that origin (other links open in the
 * system browser), the forward's state with Retry, Reload and Open in browser. Closing the tab closes the forward.
 */
public final class KialiTab extends Tab {

    private final KialiTabViewModel model;
    private final Consumer<String> browser;
    private final WebView web = new WebView();
    private String lastOnOrigin = "";

    /** @param browser opens an address in the system browser */
    public KialiTab(KialiTabViewModel model, Consumer<String> browser) {
        super("Kiali");
        this.model = model;
        this.browser = browser;
        setId("kiali-tab");
        setGraphic(new FontIcon(Feather.ACTIVITY));
        setClosable(true);

        Label state = new Label();
        state.setId("kiali-forward-state");
        state.textProperty().bind(model.stateProperty());
        Button retry = new Button("Retry", new FontIcon(Feather.ROTATE_CW));
        retry.setId("kiali-retry");
        retry.visibleProperty().bind(model.canRetryProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> model.retry());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reload = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
        reload.setId("kiali-reload");
        reload.disableProperty().bind(model.forwardingProperty().not());
        reload.setOnAction(e -> web.getEngine().reload());
        Button external = new Button("Open in browser", new FontIcon(Feather.EXTERNAL_LINK));
        external.setId("kiali-open-browser");
        external.disableProperty().bind(model.urlProperty().isEmpty());
        external.setOnAction(e -> browser.accept(lastOnOrigin.isEmpty() || lastOnOrigin.startsWith("about:")
                ? model.urlProperty().get() : lastOnOrigin));
        HBox bar = new HBox(8, new FontIcon(Feather.SHUFFLE), state, retry, spacer, reload, external);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("status-line");

        web.setId("kiali-web");
        WebEngine engine = web.getEngine();
        engine.locationProperty().addListener((obs, old, location) -> guard(engine, location));
        engine.setCreatePopupHandler(features -> popup());
        model.urlProperty().addListener((obs, old, url) -> {
            if (!url.isEmpty()) {
                engine.load(url);
            }
        });

        // no blank page while there is nothing to show: the forward's state (and Retry) in its place
        Label placeholder = new Label();
        placeholder.setId("kiali-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(640);
        placeholder.textProperty().bind(model.stateProperty());
        Button retryHere = new Button("Retry", new FontIcon(Feather.ROTATE_CW));
        retryHere.visibleProperty().bind(model.canRetryProperty());
        retryHere.setOnAction(e -> model.retry());
        javafx.scene.layout.VBox waiting = new javafx.scene.layout.VBox(12, placeholder, retryHere);
        waiting.setAlignment(Pos.CENTER);
        waiting.visibleProperty().bind(model.urlProperty().isEmpty());
        web.visibleProperty().bind(model.urlProperty().isNotEmpty());
        BorderPane content = new BorderPane(new javafx.scene.layout.StackPane(web, waiting));
        content.setTop(bar);
        setContent(content);
        setOnClosed(e -> model.close());
        model.open();
    }

    /** Keeps the view on the forwarded origin: an address elsewhere opens in the browser and the view goes back. */
    private void guard(WebEngine engine, String location) {
        if (model.onOrigin(location)) {
            if (location != null && !location.isBlank()) {
                lastOnOrigin = location;
            }
            return;
        }
        engine.getLoadWorker().cancel();
        browser.accept(location);
        String back = lastOnOrigin;
        Platform.runLater(() -> {
            if (!model.onOrigin(engine.getLocation())) {
                engine.load(back.isEmpty() ? null : back);
            }
        });
    }

    /** A page for target=_blank links and window.open: its address goes where {@link #guard} would send it. */
    private WebEngine popup() {
        WebEngine popup = new WebEngine();
        popup.locationProperty().addListener((obs, old, location) -> {
            if (location == null || location.isBlank() || location.startsWith("about:")) {
                return;
            }
            if (model.onOrigin(location)) {
                web.getEngine().load(location);
            } else {
                browser.accept(location);
            }
            Platform.runLater(() -> popup.load(null));
        });
        return popup;
    }

    /** The web view, for reading the page. */
    public WebView webView() {
        return web;
    }

    public KialiTabViewModel model() {
        return model;
    }
}
