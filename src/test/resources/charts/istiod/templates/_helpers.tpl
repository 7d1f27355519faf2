{{- define "istiod.name" -}}
istiod{{ with .Values.revision }}-{{ . }}{{ end }}
{{- end }}

{{- define "istiod.labels" -}}
app: istiod
istio: pilot
istio.io/rev: {{ .Values.revision | default "default" }}
release: {{ .Release.Name }}
app.kubernetes.io/part-of: istio
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}
