package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listElementsWithANameAreMergedByNameAndTheRestIsKept() throws Exception {
        ObjectNode target = object("{'spec':{'containers':[{'name':'a','image':'a:1','args':['x']},"
                + "{'name':'b','image':'b:1'}]}}");

        StrategicMergePatch.apply(target, object("{'spec':{'containers':[{'name':'b','image':'b:2'}]}}"));

        assertThat(target).isEqualTo(object("{'spec':{'containers':[{'name':'a','image':'a:1','args':['x']},"
                + "{'name':'b','image':'b:2'}]}}"));
    }

    @Test
    void aDeleteDirectiveRemovesTheElementAndNullRemovesAField() throws Exception {
        ObjectNode target = object("{'metadata':{'labels':{'a':'1','b':'2'}},"
                + "'webhooks':[{'name':'one'},{'name':'two'}]}");

        StrategicMergePatch.apply(target, object("{'metadata':{'labels':{'b':null}},"
                + "'webhooks':[{'name':'one','$patch':'delete'}]}"));

        assertThat(target).isEqualTo(object("{'metadata':{'labels':{'a':'1'}},'webhooks':[{'name':'two'}]}"));
    }

    @Test
    void theElementOrderDirectiveOrdersTheMergedList() throws Exception {
        ObjectNode target = object("{'ports':[{'port':80},{'port':443}]}");

        StrategicMergePatch.apply(target, object("{'$setElementOrder/ports':[{'port':15021},{'port':80},"
                + "{'port':443}],'ports':[{'port':15021,'name':'status'}]}"));

        assertThat(target).isEqualTo(object("{'ports':[{'port':15021,'name':'status'},{'port':80},{'port':443}]}"));
    }

    @Test
    void aListWithoutAMergeKeyIsReplaced() throws Exception {
        ObjectNode target = object("{'rules':[{'verbs':['get']},{'verbs':['list']}]}");

        StrategicMergePatch.apply(target, object("{'rules':[{'verbs':['watch']}]}"));

        assertThat(target).isEqualTo(object("{'rules':[{'verbs':['watch']}]}"));
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }
}
