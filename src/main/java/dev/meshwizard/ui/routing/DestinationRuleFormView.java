package dev.meshwizard.ui.routing;

import dev.meshwizard.mesh.DestinationRuleForm;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/** The form of a DestinationRule: host, load balancer and subsets as a table. */
final class DestinationRuleFormView extends KindFormView<DestinationRuleForm> {

    private record SubsetFields(TextField name, TextField labels) {
    }

    private TextField host;
    private ComboBox<String> loadBalancer;
    private final List<SubsetFields> subsets = new ArrayList<>();

    DestinationRuleFormView(RoutingFormViewModel model) {
        super(model);
        setId("routing-form-destinationrule");
    }

    @Override
    protected void build(DestinationRuleForm form) {
        subsets.clear();
        host = text(form.host(), "reviews", 260);
        host.setId("form-host");
        loadBalancer = choice(DestinationRuleForm.LOAD_BALANCERS, form.loadBalancer(), "none");
        loadBalancer.setId("form-load-balancer");
        GridPane table = grid("Name", "Labels (key=value, comma separated)", "");
        table.setId("form-subsets");
        for (int i = 0; i < form.subsets().size(); i++) {
            DestinationRuleForm.Subset subset = form.subsets().get(i);
            SubsetFields fields = new SubsetFields(text(subset.name(), "v1", 110),
                    text(String.join(", ", subset.labels()), "version=v1", 280));
            subsets.add(fields);
            int index = i;
            addRow(table, i, List.of("subsets[" + i + "].name", "subsets[" + i + "].labels"), fields.name(),
                    fields.labels(), remove("this subset", () -> removeSubset(index)));
        }
        HBox top = new HBox(12, field("Host", host, "host"),
                field("Load balancer", loadBalancer, "loadBalancer"));
        getChildren().addAll(top, new Label("Subsets"), table, button("Add subset", Feather.PLUS, this::addSubset));
    }

    @Override
    protected DestinationRuleForm collect() {
        List<DestinationRuleForm.Subset> rows = new ArrayList<>();
        for (SubsetFields fields : subsets) {
            rows.add(new DestinationRuleForm.Subset(fields.name().getText().trim(), split(fields.labels())));
        }
        return new DestinationRuleForm(host.getText().trim(), rows, loadBalancer.getValue());
    }

    private void addSubset() {
        DestinationRuleForm form = collect();
        List<DestinationRuleForm.Subset> rows = new ArrayList<>(form.subsets());
        String name = "v" + (rows.size() + 1);
        rows.add(new DestinationRuleForm.Subset(name, List.of("version=" + name)));
        replace(new DestinationRuleForm(form.host(), rows, form.loadBalancer()));
    }

    private void removeSubset(int index) {
        DestinationRuleForm form = collect();
        List<DestinationRuleForm.Subset> rows = new ArrayList<>(form.subsets());
        rows.remove(index);
        replace(new DestinationRuleForm(form.host(), rows, form.loadBalancer()));
    }
}
