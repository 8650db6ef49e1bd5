// The first version's data as this version's: it kept one set of details, and each
// checklist's ticks, under keys of their own. They become the first interview (its details,
// its interviewer, its ticks) and the reader's own details. Loaded by reader.js only in a
// browser that still has such keys; reader.js stores the result and removes them.
atl.reader.migrated = () => {
  const { reader } = atl;
  const old = atl.load(reader.OLD.details, 1)?.values;
  const one = reader.blank();
  for (const key of atl.keys(reader.OLD.ticks)) {
    const done = atl.load(key, 1)?.done;
    if (done) one.ticks[key.slice(reader.OLD.ticks.length)] = done;
  }
  if (!old && !Object.keys(one.ticks).length) return null;
  const you = {};
  const person = {};
  for (const [name, value] of Object.entries(old ?? {}))
    ({ reader: you, interviewer: person }[reader.scopeOf(name)] ?? one.f)[name] = value;
  if (Object.keys(person).length) one.people.push(person);
  return { you, list: [one] };
};
