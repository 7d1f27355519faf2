package dev.meshwizard.ui.wizard;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the wizard's step list: its title, icon, and how to build the view shown when it is selected.
 * Each step is a View + ViewModel pair; the frame only knows this record. Views are built the first time their
 * step is shown, so that the window appears without waiting for steps nobody opened yet.
 */
public record WizardStep(String id, String title, Ikon icon, Supplier<Node> view) {
}
