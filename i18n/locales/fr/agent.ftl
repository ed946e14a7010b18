# Messages of the agent (agent crate), in French: what a machine fact says, and the probes'
# sentences. The reference catalog; English in ../en/agent.ftl, same ids and arguments. French
# typography in the characters themselves (see posture.ftl).
