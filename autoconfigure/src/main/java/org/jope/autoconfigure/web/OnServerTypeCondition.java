package org.jope.autoconfigure.web;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import org.jope.autoconfigure.ServerType;

/** The condition behind {@link ConditionalOnServerType}. */
class OnServerTypeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ServerType wanted = (ServerType) metadata.getAnnotationAttributes(ConditionalOnServerType.class.getName())
                .get("value");
        ServerType selected = ServerType.selectedIn(context.getEnvironment());
        ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnServerType.class, wanted);
        if (selected != wanted) {
            return ConditionOutcome.noMatch(message.because(ServerType.PROPERTY + " is " + selected.propertyValue()));
        }
        if (!selected.isAvailable(context.getClassLoader())) {
            throw new ServerNotOnClasspathException(selected);
        }
        return ConditionOutcome.match(message.because(ServerType.PROPERTY + " is " + selected.propertyValue()));
    }

}
