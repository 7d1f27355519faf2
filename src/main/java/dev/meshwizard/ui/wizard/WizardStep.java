package dev.meshwizard.ui.wizard;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the wizard's step list: its title, icon, and the view shown when it is selected.
 * Each step is a View + ViewModel pair; the frame only knows this record.
 */
public record WizardStep(String id, String title, Ikon icon, Node view) {
}
