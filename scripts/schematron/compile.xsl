<?xml version="1.0" encoding="UTF-8"?>
<!--
  compile.xsl turns an ISO Schematron schema (queryBinding xslt2) into an
  XSLT 2.0 stylesheet that, run on a document, prints one line per failed
  assert or fired report:

    failed PATTERN-ID /tbx[1]/text[1]/...: message

  Debian packages no Schematron skeleton, so this is a small one of our
  own (run it with Saxon-HE, Debian's libsaxonhe-java). It implements the
  part of ISO Schematron (ISO/IEC 19757-3) that the TBX schemas use: ns,
  pattern, rule, assert and report, with the standard's rule order (within
  a pattern a node is checked by the first rule whose context it matches,
  so a later rule with the same context never fires). Anything else
  (let, abstract rules, extends, phases, includes, value-of in messages)
  stops the compilation with an error rather than being skipped, so that
  a schema it cannot fully check is never reported as passed.
-->
<xsl:stylesheet version="2.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:axsl="http://www.w3.org/1999/XSL/TransformAlias"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <xsl:template match="/sch:schema">
    <xsl:if test="@queryBinding and not(@queryBinding = ('xslt2', 'xslt3'))">
      <xsl:message terminate="yes">compile.xsl: queryBinding <xsl:value-of select="@queryBinding"/> is not supported</xsl:message>
    </xsl:if>
    <xsl:for-each select="(.//sch:let | .//sch:include | .//sch:phase | .//sch:extends | .//sch:rule[@abstract = 'true'] | .//sch:pattern[@abstract = 'true' or @is-a] | .//sch:value-of | .//sch:name)[1]">
      <xsl:message terminate="yes">compile.xsl: sch:<xsl:value-of select="local-name()"/> is not supported</xsl:message>
    </xsl:for-each>
    <axsl:stylesheet version="2.0">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <axsl:output method="text"/>
      <axsl:template match="/">
        <xsl:for-each select="sch:pattern">
          <axsl:apply-templates select="/" mode="pattern{position()}"/>
        </xsl:for-each>
      </axsl:template>
      <axsl:function name="sch:path" as="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <axsl:param name="node" as="node()"/>
        <axsl:sequence select="concat(string-join(for $e in $node/ancestor-or-self::* return concat('/', name($e), '[', count($e/preceding-sibling::*[node-name(.) = node-name($e)]) + 1, ']'), ''), if ($node instance of attribute()) then concat('/@', name($node)) else '')"/>
      </axsl:function>
      <xsl:for-each select="sch:pattern">
        <xsl:apply-templates select="." mode="pattern">
          <xsl:with-param name="mode" select="concat('pattern', position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:template match="sch:pattern" mode="pattern">
    <xsl:param name="mode"/>
    <xsl:variable name="id" select="if (@id) then string(@id) else $mode"/>
    <xsl:for-each select="sch:rule">
      <!-- The first rule wins: each later one has a lower priority. -->
      <axsl:template match="{@context}" mode="{$mode}" priority="{1000 - position()}">
        <xsl:for-each select="sch:assert">
          <axsl:if test="not({@test})">
            <axsl:value-of select="concat('failed {$id} ', sch:path(.), ': ')"/>
            <axsl:text><xsl:value-of select="concat(normalize-space(.), '&#10;')"/></axsl:text>
          </axsl:if>
        </xsl:for-each>
        <xsl:for-each select="sch:report">
          <axsl:if test="{@test}">
            <axsl:value-of select="concat('report {$id} ', sch:path(.), ': ')"/>
            <axsl:text><xsl:value-of select="concat(normalize-space(.), '&#10;')"/></axsl:text>
          </axsl:if>
        </xsl:for-each>
        <axsl:apply-templates select="@*|node()" mode="{$mode}"/>
      </axsl:template>
    </xsl:for-each>
    <!-- Nodes no rule matches: go on to their attributes and children. -->
    <axsl:template match="/|@*|node()" mode="{$mode}" priority="-10">
      <axsl:apply-templates select="@*|node()" mode="{$mode}"/>
    </axsl:template>
  </xsl:template>
</xsl:stylesheet>
