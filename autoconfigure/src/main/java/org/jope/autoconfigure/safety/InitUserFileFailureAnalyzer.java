package org.jope.autoconfigure.safety;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.jope.core.security.InitUserFileException;

/** Explains a managers' file that cannot be read, such as a directory where the file should be, by its path. */
class InitUserFileFailureAnalyzer extends AbstractFailureAnalyzer<InitUserFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InitUserFileException cause) {
        String action = "Make jope.security.inituser name a readable file of managers, one name:{bcrypt}hash a line: "
                + "move away whatever stands at " + cause.path().toAbsolutePath().normalize() + ", then add a manager "
                + "with bin/jopectl adduser NAME (or java -jar jope-demo.jar adduser FILE NAME).";
        return new FailureAnalysis(cause.getMessage() + ".", action, cause);
    }

}
