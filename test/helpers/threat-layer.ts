/**
 * A threat layer of ATT&CK `attack` (18) filtered to `platforms`, scoring each of `ids` 1 over a 0..1 gradient: the
 * incident layer the gap regressions on platforms review (cloud-rule-platforms, kql-query-platforms,
 * coverage-layer-platform-filter, gap-off-threat-platforms).
 */
export function threatLayerOn(platforms: string[], ids: readonly string[], attack = '18') {
  return {
    name: 'Incident',
    versions: { attack, navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    filters: { platforms },
    techniques: ids.map((techniqueID) => ({ techniqueID, score: 1 })),
    gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 },
  };
}
