package org.text2ct.pipeline.verify;

/** One {@code verify --kind} implementation: computes outputs and reports them. */
public interface FixtureCheck {
    void run(VerifyOptions options, VerifyReport report) throws Exception;
}
