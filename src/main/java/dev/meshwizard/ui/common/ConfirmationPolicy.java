package dev.meshwizard.ui.common;

import javafx.scene.Node;

/** Which contexts the user chose not to be asked about again (local ones only). */
public interface ConfirmationPolicy {

    /** The key under which the window puts its policy in its node properties. */
    String KEY = ConfirmationPolicy.class.getName();

    /** Always asks. */
    ConfirmationPolicy ALWAYS_ASK = new ConfirmationPolicy() {
        @Override
        public boolean skips(String context) {
            return false;
        }

        @Override
        public void skip(String context, boolean skip) {
        }
    };

    boolean skips(String context);

    void skip(String context, boolean skip);

    /**
     * The policy of the window a node is in. Looked up through the parents, so that steps need not pass it along;
     * a node outside a window (or a window without a policy) always asks.
     */
    static ConfirmationPolicy of(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getProperties().get(KEY) instanceof ConfirmationPolicy policy) {
                return policy;
            }
        }
        return ALWAYS_ASK;
    }
}
